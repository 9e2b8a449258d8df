import { PageHeader } from '@/components/layout/app-shell'
import { Empty } from '@/components/states'

export default function Page() {
  return (
    <div className="space-y-4">
      <PageHeader title="Render job" />
      <Empty>Not built yet.</Empty>
    </div>
  )
}

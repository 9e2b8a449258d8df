import { Toaster as Sonner, type ToasterProps } from 'sonner'
import { useTheme } from '@/components/layout/theme-provider'

function Toaster(props: ToasterProps) {
  const { resolved } = useTheme()
  return <Sonner theme={resolved} className="toaster group" richColors closeButton {...props} />
}

export { Toaster }

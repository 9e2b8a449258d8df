import { useState, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Loader2Icon } from 'lucide-react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Label } from '@/components/ui/label'
import { Textarea } from '@/components/ui/textarea'
import { ProblemAlert } from '@/components/states'
import { ApiError } from '@/lib/api'
import { useCan } from '@/lib/session'
import type { ActionResult, Role } from '@/lib/types'

interface ActionButtonProps {
  label: string
  icon?: ReactNode
  /** The call; gets the reason typed in the confirmation, if any. */
  run: (reason?: string) => Promise<unknown>
  /** Ask first (destructive actions); the dialog also takes an optional reason for the audit log. */
  confirm?: { title: string; description: ReactNode }
  variant?: 'default' | 'destructive' | 'outline' | 'secondary' | 'success'
  size?: 'default' | 'sm'
  role?: Role
  disabled?: boolean
  /** Query keys (first elements) to refresh at once; the event stream refreshes the rest. */
  invalidates?: string[]
}

export function describeResult(result: unknown) {
  const r = result as Partial<ActionResult> | undefined
  return r && r.outcome ? `${r.outcome}${r.detail ? ` — ${r.detail}` : ''}` : 'done'
}

/** An action on the pipeline: hidden from those whose role may not do it, confirmed when destructive. */
export function ActionButton(props: ActionButtonProps) {
  const allowed = useCan(props.role ?? 'operator')
  const client = useQueryClient()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<unknown>(null)
  if (!allowed) return null

  const execute = async () => {
    setBusy(true)
    setError(null)
    try {
      const result = await props.run(reason.trim() || undefined)
      toast.success(`${props.label}: ${describeResult(result)}`)
      setOpen(false)
      setReason('')
      client.invalidateQueries({ predicate: (q) => (props.invalidates ?? []).includes(String(q.queryKey[0])) })
    } catch (e) {
      setError(e)
      if (!props.confirm) toast.error(`${props.label} failed: ${e instanceof ApiError ? e.problem.detail ?? e.problem.title : String(e)}`)
    } finally {
      setBusy(false)
    }
  }

  const button = (
    <Button
      variant={props.variant ?? 'outline'}
      size={props.size ?? 'sm'}
      disabled={busy || props.disabled}
      onClick={props.confirm ? () => setOpen(true) : execute}
      data-action={props.label}
    >
      {busy ? <Loader2Icon className="animate-spin" /> : props.icon}
      {props.label}
    </Button>
  )
  if (!props.confirm) return button
  return (
    <>
      {button}
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{props.confirm.title}</DialogTitle>
            <DialogDescription>{props.confirm.description}</DialogDescription>
          </DialogHeader>
          {error ? <ProblemAlert error={error} /> : null}
          <div className="grid gap-2">
            <Label htmlFor="action-reason">Reason (optional, kept in the audit log)</Label>
            <Textarea id="action-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </div>
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button variant={props.variant === 'destructive' ? 'destructive' : 'default'} onClick={execute} disabled={busy}>
              {busy && <Loader2Icon className="animate-spin" />} {props.label}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  )
}

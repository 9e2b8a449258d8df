import { useState, type ReactNode } from 'react'
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table'
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, ChevronLeftIcon, ChevronRightIcon } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { Empty } from '@/components/states'

export interface Pager {
  page: number
  hasPrevious: boolean
  hasNext: boolean
  previous: () => void
  next: () => void
}

interface DataTableProps<T> {
  columns: ColumnDef<T, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
  data: T[]
  rowId: (row: T) => string
  caption: string
  empty?: ReactNode
  pager?: Pager
  /** Sorting kept by the caller (in the URL); without it the page's rows are sorted in place. */
  sorting?: SortingState
  onSortingChange?: (sorting: SortingState) => void
  selection?: RowSelectionState
  onSelectionChange?: (selection: RowSelectionState) => void
}

/** A TanStack Table over one server page: the server pages, the header sorts, the caller owns the URL state. */
export function DataTable<T>(props: DataTableProps<T>) {
  const [localSorting, setLocalSorting] = useState<SortingState>([])
  const sorting = props.sorting ?? localSorting
  const table = useReactTable({
    data: props.data,
    columns: props.columns,
    getRowId: props.rowId,
    state: { sorting, rowSelection: props.selection ?? {} },
    enableRowSelection: !!props.onSelectionChange,
    onRowSelectionChange: (updater) => {
      const current = props.selection ?? {}
      props.onSelectionChange?.(typeof updater === 'function' ? updater(current) : updater)
    },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      if (props.onSortingChange) props.onSortingChange(next)
      else setLocalSorting(next)
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  })

  return (
    <div className="space-y-2">
      <div className="rounded-md border">
        <Table aria-label={props.caption}>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted()
                  const label = flexRender(header.column.columnDef.header, header.getContext())
                  return (
                    <TableHead
                      key={header.id}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          className="-ml-3"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {label}
                          {sorted === 'asc' ? <ArrowUpIcon /> : sorted === 'desc' ? <ArrowDownIcon /> : <ArrowUpDownIcon />}
                        </Button>
                      ) : (
                        label
                      )}
                    </TableHead>
                  )
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.map((row) => (
              <TableRow key={row.id} data-state={row.getIsSelected() ? 'selected' : undefined}>
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {props.data.length === 0 && <div className="p-4">{props.empty ?? <Empty>Nothing here.</Empty>}</div>}
      </div>
      {props.pager && (props.pager.hasNext || props.pager.hasPrevious) ? (
        <nav aria-label="Pages" className="flex items-center justify-end gap-2 text-sm">
          <span className="text-muted-foreground">Page {props.pager.page}</span>
          <Button variant="outline" size="sm" disabled={!props.pager.hasPrevious} onClick={props.pager.previous}>
            <ChevronLeftIcon /> Previous
          </Button>
          <Button variant="outline" size="sm" disabled={!props.pager.hasNext} onClick={props.pager.next}>
            Next <ChevronRightIcon />
          </Button>
        </nav>
      ) : null}
    </div>
  )
}

// The one table of the back office: a header row, one row per item with the cell that names
// it as the row header, and an empty state. On a phone (390 px) a table must not scroll
// sideways: either some columns hide below a width (and their content shows in another cell),
// or `card` gives each row a stacked card and the table appears from the md width up.
type Breakpoint = "sm" | "md" | "xl";

/** Shown from this width up (Tailwind needs the class names written out). */
const FROM: Record<Breakpoint, string> = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  xl: "hidden xl:table-cell",
};

export type Column<Row> = {
  header: string;
  /** The header is read by screen readers only (a column of buttons). */
  srOnly?: boolean;
  /** This column names the row (`<th scope="row">`). */
  rowHeader?: boolean;
  align?: "right";
  /** Hidden below this width. */
  from?: Breakpoint;
  /** Classes for this column's body cells: colour, wrapping, width, weight. */
  className?: string;
  cell: (row: Row) => React.ReactNode;
};

export function AdminTable<Row>({
  rows,
  rowKey,
  columns: maybeColumns,
  caption,
  empty,
  rowClassName,
  rowTestId,
  card,
  cardTestId,
  inset = false,
  alignTop = false,
  className = "",
}: {
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** `null` leaves a column out (e.g. the edit buttons for someone who may not edit). */
  columns: (Column<Row> | null)[];
  /** For screen readers: what the table lists. */
  caption?: string;
  /** Shown instead of the table when there are no rows. */
  empty: string;
  rowClassName?: (row: Row) => string | undefined;
  rowTestId?: string;
  /** A stacked card per row for phones; the table then shows from md up. */
  card?: (row: Row) => React.ReactNode;
  cardTestId?: string;
  /** Inside another card: no frame of its own, compact cells. */
  inset?: boolean;
  alignTop?: boolean;
  /** Spacing around the table (and the cards). */
  className?: string;
}) {
  const columns = maybeColumns.filter((c): c is Column<Row> => c !== null);
  if (rows.length === 0) {
    if (inset) return <p className={`text-sm text-stone-500 ${className}`}>{empty}</p>;
    return (
      <div className={`card p-10 text-center ${className}`}>
        <p className="font-semibold">{empty}</p>
      </div>
    );
  }
  const cellClass = (column: Column<Row>, i: number, body: boolean) =>
    [
      inset ? "px-3 py-2" : `${i === 0 || i === columns.length - 1 ? "px-4" : "px-3"} py-3`,
      column.align === "right" ? "text-right" : "",
      column.from ? FROM[column.from] : "",
      body ? (column.className ?? "") : "",
    ]
      .filter(Boolean)
      .join(" ");
  const frame = inset ? "overflow-x-auto" : "card overflow-x-auto";

  const table = (
    <table className="w-full text-left text-sm">
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead className="border-b border-stone-200 bg-stone-50 text-xs font-bold text-stone-600">
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col" className={cellClass(column, i, false)}>
              {column.srOnly ? <span className="sr-only">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={`divide-y divide-stone-100${alignTop ? " align-top" : ""}`}>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)} data-testid={rowTestId}>
            {columns.map((column, i) =>
              column.rowHeader ? (
                <th key={i} scope="row" className={cellClass(column, i, true)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={i} className={cellClass(column, i, true)}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );

  if (!card) return <div className={`${frame} ${className}`}>{table}</div>;
  return (
    <>
      <div className={`${frame} hidden md:block ${className}`}>{table}</div>
      <ul className={`space-y-3 md:hidden ${className}`}>
        {rows.map((row) => (
          <li key={rowKey(row)} className="card p-4" data-testid={cardTestId}>
            {card(row)}
          </li>
        ))}
      </ul>
    </>
  );
}

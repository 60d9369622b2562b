const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One column of an export: the field it reads (a dotted path) and its heading. */
export interface Column {
  field: string;
  label: string;
}

/**
 * A value read by a dotted path (`general.name`), or undefined. Only the row's own fields are
 * read: a path such as `constructor` or `__proto__.toString` names no field of a row, so its
 * cells are blank (they were JavaScript's `function Object() { [native code] }`).
 */
function valueAt(row: unknown, path: string): unknown {
  let value = row;
  for (const key of path.split('.')) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** One CSV cell (RFC 4180): objects as their JSON text, quoted where it holds `,`, `"` or a line break. */
function cell(value: unknown, separator: string): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.includes(separator) || /["\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** Every row's fields, in the order they first appear: the default columns. */
export function allColumns(rows: readonly unknown[]): Column[] {
  const fields = new Set<string>();
  for (const row of rows) if (isRecord(row)) for (const key of Object.keys(row)) fields.add(key);
  return [...fields].map((field) => ({ field, label: field }));
}

/**
 * The rows as CSV: a heading line, then a line per row, each ended by CRLF (RFC 4180); `separator`
 * `\t` writes tab-separated values the same way.
 */
export function csvText(
  rows: readonly unknown[],
  columns: readonly Column[],
  separator = ',',
): string {
  const lines = [columns.map((column) => cell(column.label, separator)).join(separator)];
  for (const row of rows) {
    lines.push(
      columns.map((column) => cell(valueAt(row, column.field), separator)).join(separator),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

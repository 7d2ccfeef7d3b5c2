/**
 * The one shape every export format is written from. A view (the clause × party matrix, a version comparison, …)
 * builds a `TExportTable` once; `toCsv`, `toMarkdown`, `toLatex`, `toJson` and the server's `toXlsx` only present
 * it, so the formats cannot disagree about what a table contains.
 *
 * The matrix is one row per clause with columns such as `number`, `heading`, `topics` and one `kind: "score"`
 * column per party whose cell holds the score label (or the number); the comparison is one row per aligned pair
 * with `fromNumber`, `toNumber`, `relation`, `confidence` and `diff` columns. Cells are plain values so the JSON
 * export is a usable dataset; presentation (the score colours) lives beside them in `cellStyles`.
 */
import { AppError } from "../errors";
import type { TLang } from "../localize";
import type { TScoreLevel } from "../scale";

/** The colour a cell takes: the key of a level on the assessment scale. */
export type TCellStyle = TScoreLevel["key"];

export const CELL_STYLES: readonly TCellStyle[] = ["crosses", "conflicts", "mixed", "consistent", "fulfils", "none"];

/**
 * A cell. `null` is an empty cell (for a score column: no value at all, not "no stated position", which the
 * builder writes as its label). Numbers stay numbers in every format that has them (CSV, JSON, XLSX).
 */
export type TExportCell = string | number | null;

/** `number` cells are right-aligned; `score` cells are centred and may carry a `cellStyles` fill. */
export type TExportColumnKind = "text" | "number" | "score";

export type TExportColumn = { key: string; label: string; kind?: TExportColumnKind };

/**
 * One line of "what this file is": document, filters, dataset release, export time, how to cite. `label` is in
 * the table's language; `key` (e.g. "exportedAt") is optional and stable, so machines need not read the label.
 */
export type TExportMeta = { key?: string; label: string; value: string };

/** A row maps column keys to cells; a key that is absent is an empty cell. */
export type TExportRow = Readonly<Record<string, TExportCell>>;

export type TExportTable = {
  title: string;
  lang: TLang;
  meta: readonly TExportMeta[];
  columns: readonly TExportColumn[];
  rows: readonly TExportRow[];
  /**
   * Fills, parallel to `rows`: `cellStyles[i][key]` colours `rows[i][key]`. Kept out of the rows so the cells
   * stay plain data; shorter than `rows` (or absent) means the remaining rows are unstyled.
   */
  cellStyles?: readonly Readonly<Partial<Record<string, TCellStyle>>>[];
};

/**
 * PuOr, a diverging palette that stays distinct under the common colour-vision deficiencies: orange for the
 * clause going against the party, purple for it going the party's way, grey in the middle. Hex without `#`.
 */
export const SCORE_COLOURS: Readonly<Record<TCellStyle, { fill: string; text: string }>> = {
  crosses: { fill: "B35806", text: "FFFFFF" },
  conflicts: { fill: "F1A340", text: "000000" },
  mixed: { fill: "E0E0E0", text: "000000" },
  consistent: { fill: "998EC3", text: "000000" },
  fulfils: { fill: "542788", text: "FFFFFF" },
  none: { fill: "FFFFFF", text: "666666" },
};

/**
 * Throws `AppError("INTERNAL")` when the table is malformed. Tables are built by our own code, never taken from
 * a request, so a malformed one is a bug; every presenter checks first so no format silently drops a cell
 * (an unknown key, NaN, a style on a column that does not exist).
 */
export function assertExportTable(table: TExportTable): void {
  const problems: string[] = [];
  if (table.title.trim() === "") problems.push("a table needs a title");
  if (table.columns.length === 0) problems.push("a table needs at least one column");
  const keys = new Set<string>();
  for (const column of table.columns) {
    if (column.key === "") problems.push("a column key is empty");
    else if (keys.has(column.key)) problems.push(`column key '${column.key}' is repeated`);
    keys.add(column.key);
  }
  table.rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      if (!keys.has(key)) problems.push(`row ${i} has a cell for unknown column '${key}'`);
      if (typeof value === "number" && !Number.isFinite(value)) problems.push(`row ${i}, '${key}' is not finite`);
    }
  });
  const styles = table.cellStyles ?? [];
  if (styles.length > table.rows.length) problems.push("cellStyles has more entries than rows");
  styles.forEach((row, i) => {
    for (const [key, style] of Object.entries(row)) {
      if (!keys.has(key)) problems.push(`cellStyles ${i} styles unknown column '${key}'`);
      if (style !== undefined && !CELL_STYLES.includes(style)) problems.push(`cellStyles ${i}, '${key}' is unknown`);
    }
  });
  if (problems.length > 0) throw new AppError("INTERNAL", `Malformed export table: ${problems.join("; ")}`);
}

export function getCell(row: TExportRow, key: string): TExportCell {
  return Object.hasOwn(row, key) ? row[key] : null;
}

export function getCellStyle(table: TExportTable, rowIndex: number, key: string): TCellStyle | null {
  return table.cellStyles?.[rowIndex]?.[key] ?? null;
}

/** The text a cell shows: empty for null, the shortest round-tripping decimal for a number. */
export function toCellText(cell: TExportCell): string {
  return cell === null ? "" : String(cell);
}

/**
 * Approximate width of a text in monospace character cells: East Asian wide characters count two, the longest
 * line counts. Good enough to size columns; not a typesetting measure.
 */
export function computeTextWidth(text: string): number {
  // Most cells are one line of printable ASCII: one cell per character, no need to walk code points.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let widest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    let width = 0;
    for (const char of line) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
    widest = Math.max(widest, width);
  }
  return widest;
}

/**
 * Column widths in character cells for the formats that lay out a page or a sheet (XLSX, LaTeX): the widest of
 * the header and the cells, clamped to [min, max] so one long diff text cannot squeeze every other column.
 */
export function computeColumnWidths(table: TExportTable, min = 6, max = 60): number[] {
  return table.columns.map((column) => {
    let widest = computeTextWidth(column.label);
    for (const row of table.rows) widest = Math.max(widest, computeTextWidth(toCellText(getCell(row, column.key))));
    return Math.min(max, Math.max(min, widest));
  });
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * CSV as RFC 4180 writes it: CRLF after every record, a field quoted when it holds a comma, a double quote, CR or
 * LF, embedded quotes doubled. The result is a string; the caller sends it as UTF-8.
 *
 * Two profiles, because the two audiences want different files:
 * - `plain` is for R, pandas and other code: one header row, then the data; no BOM and no metadata unless asked,
 *   so `read.csv` / `pd.read_csv` need no options. Text is written exactly as it is.
 * - `spreadsheet` is for people opening the file in Excel or LibreOffice: a BOM (Excel otherwise guesses a legacy
 *   code page and garbles Japanese), the metadata preamble, and formula neutralisation (below).
 *
 * Metadata. CSV has no comments, so "this file states its document, filters and export time" can only be done
 * with rows. `meta: "preamble"` writes the title, then one `label,value` record per metadata line, then one
 * empty line, then the table: a reader skips records up to the first empty one (no preamble record is empty: the
 * title is never empty and metadata records have two fields). It is the spreadsheet profile's default
 * (a person sees it at the top) and off by default in the plain profile, where the same facts travel in the JSON
 * export and would otherwise break every tool's header detection.
 *
 * Formula injection (OWASP "CSV Injection", ASVS 1.2.10): in the spreadsheet profile a text cell that starts
 * with `=`, `+`, `-`, `@`, tab, CR, LF or NUL gets a leading `'`, which spreadsheets read as "this is text".
 * Cells that are numbers (a score of -2) are not text and are written as numbers.
 */
import { assertExportTable, getCell, type TExportCell, type TExportTable } from "./table";

export type TCsvProfile = "plain" | "spreadsheet";

export type TCsvOptions = {
  profile: TCsvProfile;
  /** Start with U+FEFF. Default: on for `spreadsheet`, off for `plain`. */
  bom?: boolean;
  /** Metadata rows before the table (see above). Default: `preamble` for `spreadsheet`, `omit` for `plain`. */
  meta?: "preamble" | "omit";
};

const FORMULA_START = /^[=+\-@\t\r\n\0]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function toCsv(table: TExportTable, options: TCsvOptions): string {
  return [...toCsvChunks(table, options)].join("");
}

/**
 * The same text as `toCsv`, one record (with its CRLF) at a time, the BOM first when there is one, so a route can
 * stream a large table without holding its whole text. The table is checked at the call, before any chunk.
 */
export function toCsvChunks(table: TExportTable, options: TCsvOptions): Generator<string, void, undefined> {
  assertExportTable(table);
  return generateCsvChunks(table, options);
}

function* generateCsvChunks(table: TExportTable, options: TCsvOptions): Generator<string, void, undefined> {
  const spreadsheet = options.profile === "spreadsheet";
  const bom = options.bom ?? spreadsheet;
  const meta = options.meta ?? (spreadsheet ? "preamble" : "omit");
  const field = (cell: TExportCell) => toCsvField(cell, options.profile);
  if (bom) yield "\uFEFF";
  if (meta === "preamble") {
    yield `${toCsvRecord([field(table.title)])}\r\n`;
    for (const line of table.meta) yield `${toCsvRecord([field(line.label), field(line.value)])}\r\n`;
    yield "\r\n";
  }
  yield `${toCsvRecord(table.columns.map((c) => field(c.label)))}\r\n`;
  for (const row of table.rows) yield `${toCsvRecord(table.columns.map((c) => field(getCell(row, c.key))))}\r\n`;
}

/** One field, quoted only when RFC 4180 requires it. Exported for the tests of the injection rule. */
export function toCsvField(cell: TExportCell, profile: TCsvProfile): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = profile === "spreadsheet" && FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A record whose only field is empty would be an empty line, which readers skip or take as a separator; it is
 * written as `""` so the record survives.
 */
function toCsvRecord(fields: string[]): string {
  return fields.length === 1 && fields[0] === "" ? '""' : fields.join(",");
}

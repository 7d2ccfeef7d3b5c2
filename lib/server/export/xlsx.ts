import "server-only";

/**
 * The spreadsheet form of an export table: the SpreadsheetML parts of lib/domain/export/spreadsheetml.ts, deflated
 * into a zip part by part (fflate), so the sheet's XML is never held whole. What the file holds (the "Table" and
 * "About" sheets, styles, frozen panes, the filter, text never a formula) is documented there.
 *
 * Built whole rather than streamed to the client: the table is capped (EXPORT_MAX_CELLS) and a few MiB at most, and
 * a whole file lets the download carry its Content-Length.
 */
import { toXlsxParts } from "@/lib/domain/export/spreadsheetml";
import { assertExportTable, type TExportTable } from "@/lib/domain/export/table";
import { readAllBytes, streamZip } from "./stream";

export {
  XLSX_ABOUT_SHEET,
  XLSX_HEADER_FILL,
  XLSX_HEADER_TEXT,
  XLSX_TABLE_SHEET,
} from "@/lib/domain/export/spreadsheetml";

/**
 * Deflate level 3: on the 10,000-row matrix's 14 MB sheet it deflates in about half the CPU time of level 6 for a
 * file 12 % larger (1.7 MiB rather than 1.5 MiB); the time is the export's target, the size hardly matters.
 */
const XLSX_DEFLATE_LEVEL = 3;

export type TXlsxOptions = {
  /**
   * Recorded as the workbook's creation and modification time and as every zip entry's time. Default: now. Pass the
   * export time to make files reproducible: the same table and time give the same bytes.
   */
  created?: Date;
};

export async function toXlsx(table: TExportTable, options: TXlsxOptions = {}): Promise<Uint8Array> {
  assertExportTable(table);
  const created = options.created ?? new Date();
  return readAllBytes(streamZip(toXlsxParts(table, { created }), created, { level: XLSX_DEFLATE_LEVEL }));
}

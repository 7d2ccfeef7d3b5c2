import "server-only";

/**
 * The spreadsheet form of an export table (exceljs): a "Table" sheet with a bold filled header, the header row and
 * the first column (the clause) frozen, an auto-filter, widths from the content and score cells in the PuOr
 * colours; an "About" sheet with the title and the metadata (document, filters, dataset release, export time, how
 * to cite), so the file still says what it is when it is passed on alone.
 *
 * Not in lib/domain because exceljs zips and writes buffers. Text is stored as text, never as a formula, so a
 * cell starting with `=` cannot run. Line breaks are written as LF, the in-cell break of Excel (XML readers turn
 * a raw CR into LF anyway); XML 1.0 cannot hold the other C0 control characters, and exceljs drops them.
 */
import ExcelJS from "exceljs";
import {
  assertExportTable,
  computeColumnWidths,
  getCell,
  getCellStyle,
  SCORE_COLOURS,
  type TExportColumn,
  type TExportTable,
} from "@/lib/domain/export/table";

export const XLSX_TABLE_SHEET = "Table";
export const XLSX_ABOUT_SHEET = "About";
/** Header fill and text colour, ARGB. Dark so it cannot be mistaken for any score fill. */
export const XLSX_HEADER_FILL = "FF404040";
export const XLSX_HEADER_TEXT = "FFFFFFFF";

export type TXlsxOptions = {
  /** Recorded as the workbook's creation time. Default: now. Pass the export time to make files reproducible. */
  created?: Date;
};

export async function toXlsx(table: TExportTable, options: TXlsxOptions = {}): Promise<Uint8Array> {
  assertExportTable(table);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Redlines";
  workbook.title = table.title;
  workbook.created = options.created ?? new Date();
  workbook.modified = workbook.created;

  addTableSheet(workbook, table);
  addAboutSheet(workbook, table);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function addTableSheet(workbook: ExcelJS.Workbook, table: TExportTable): void {
  const sheet = workbook.addWorksheet(XLSX_TABLE_SHEET, {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2" }],
  });
  const widths = computeColumnWidths(table);
  sheet.columns = table.columns.map((column, i) => ({ key: column.key, width: widths[i] + 2 }));

  const header = sheet.getRow(1);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = toCellLines(column.label);
    cell.font = { bold: true, color: { argb: XLSX_HEADER_TEXT } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: XLSX_HEADER_FILL } };
    cell.alignment = { vertical: "middle", horizontal: toHorizontal(column), wrapText: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };

  table.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(r + 2);
    table.columns.forEach((column, c) => {
      const cell = sheetRow.getCell(c + 1);
      const value = getCell(row, column.key);
      if (value !== null) cell.value = typeof value === "string" ? toCellLines(value) : value;
      cell.alignment = { vertical: "top", horizontal: toHorizontal(column), wrapText: column.kind !== "number" };
      const style = getCellStyle(table, r, column.key);
      if (style !== null) {
        const colour = SCORE_COLOURS[style];
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${colour.fill}` } };
        cell.font = { color: { argb: `FF${colour.text}` } };
      }
    });
  });
}

function addAboutSheet(workbook: ExcelJS.Workbook, table: TExportTable): void {
  const sheet = workbook.addWorksheet(XLSX_ABOUT_SHEET);
  const labelWidth = Math.max(12, ...table.meta.map((m) => Math.min(40, m.label.length + 2)));
  sheet.columns = [{ width: labelWidth }, { width: 100 }];
  const title = sheet.getCell(1, 1);
  title.value = toCellLines(table.title);
  title.font = { bold: true, size: 14 };
  table.meta.forEach((line, i) => {
    const row = sheet.getRow(i + 3);
    row.getCell(1).value = toCellLines(line.label);
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: "top" };
    row.getCell(2).value = toCellLines(line.value);
    row.getCell(2).alignment = { vertical: "top", wrapText: true };
  });
}

function toCellLines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

function toHorizontal(column: TExportColumn): "left" | "right" | "center" {
  const kind = column.kind ?? "text";
  switch (kind) {
    case "number":
      return "right";
    case "score":
      return "center";
    case "text":
      return "left";
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

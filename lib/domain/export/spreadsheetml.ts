/**
 * The parts of an XLSX file (SpreadsheetML, ECMA-376), written as text from an export table: a "Table" sheet with
 * a bold dark-filled header, the header row and first column frozen, an auto-filter and score fills; an "About"
 * sheet with the title and the metadata; shared strings; a styles part holding only the styles the sheets use.
 * Pure: the server zips the parts (lib/server/export/xlsx.ts) and passes the time in.
 *
 * Written by hand rather than through exceljs because the file is small and fixed in shape, and exceljs's object
 * model costs seconds and hundreds of MiB for 10,000 rows (docs/adr/0003-xlsx-written-by-hand.md).
 *
 * Invariants Excel is strict about: the children of `worksheet` keep the schema's order (sheetPr, dimension,
 * sheetViews, sheetFormatPr, cols, sheetData, autoFilter, pageMargins); `fills` starts with the reserved `none` and
 * `gray125`; every `s` index exists in `cellXfs`. Text is always a shared string (`t="s"`), never a formula, so a
 * cell starting with `=` cannot run. CR and CRLF become LF (Excel's in-cell break); the characters XML 1.0 cannot
 * hold (C0 controls other than tab and LF, U+FFFE, U+FFFF) are dropped; a literal `_xHHHH_`, which Excel would
 * read as an escaped character, is escaped as `_x005F_xHHHH_`.
 */
import {
  computeColumnWidths,
  getCell,
  getCellStyle,
  SCORE_COLOURS,
  type TCellStyle,
  type TExportColumn,
  type TExportTable,
} from "./table";

export const XLSX_TABLE_SHEET = "Table";
export const XLSX_ABOUT_SHEET = "About";
/** Header fill and text colour, ARGB. Dark so it cannot be mistaken for any score fill. */
export const XLSX_HEADER_FILL = "FF404040";
export const XLSX_HEADER_TEXT = "FFFFFFFF";
export const XLSX_CREATOR = "Redlines";

/** One file of the package. `chunks` is called once, in entry order (see `toXlsxParts`). */
export type TXlsxPart = { path: string; chunks: () => Iterable<string> };

type THorizontal = "left" | "center" | "right";

/** A cell format as the sheets ask for it; `XlsxStyles` turns each distinct one into one `cellXfs` entry. */
export type TXlsxCellFormat = {
  font?: { bold?: boolean; size?: number; color?: string };
  /** Solid fill, ARGB. */
  fill?: string;
  alignment?: { horizontal?: THorizontal; vertical?: "top" | "center"; wrapText?: boolean };
};

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";
const DEFAULT_FONT_SIZE = 11;

/**
 * The styles part, built from the formats the sheets register: fonts, fills and cell formats are each kept once,
 * so 390,000 styled cells share a handful of entries.
 */
export class XlsxStyles {
  private readonly fonts = new Map<string, number>([[fontXml({}), 0]]);
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private readonly xfs = new Map<string, number>([
    ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0],
  ]);

  /** The `s` index of a format; the same format always gives the same index. */
  indexOf(format: TXlsxCellFormat): number {
    const fontId = format.font ? indexIn(this.fonts, fontXml(format.font)) : 0;
    const fillId = format.fill
      ? indexIn(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${format.fill}"/></patternFill></fill>`,
        )
      : 0;
    const { alignment } = format;
    const alignmentXml = alignment
      ? `<alignment${attr("horizontal", alignment.horizontal)}${attr("vertical", alignment.vertical)}${
          alignment.wrapText ? ' wrapText="1"' : ""
        }/>`
      : "";
    const applied = `${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${alignment ? ' applyAlignment="1"' : ""}`;
    const xf = `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}${
      alignmentXml ? `>${alignmentXml}</xf>` : "/>"
    }`;
    return indexIn(this.xfs, xf);
  }

  get size(): number {
    return this.xfs.size;
  }

  toXml(): string {
    const list = (tag: string, items: Map<string, number>) =>
      `<${tag} count="${items.size}">${[...items.keys()].join("")}</${tag}>`;
    return (
      `${XML_HEADER}<styleSheet xmlns="${NS_MAIN}">` +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      "</styleSheet>"
    );
  }
}

/** The shared-strings part: each distinct text once, in first-use order. */
class SharedStrings {
  private readonly indices = new Map<string, number>();
  private references = 0;

  indexOf(text: string): number {
    this.references++;
    let index = this.indices.get(text);
    if (index === undefined) {
      index = this.indices.size;
      this.indices.set(text, index);
    }
    return index;
  }

  *chunks(): Generator<string> {
    yield `${XML_HEADER}<sst xmlns="${NS_MAIN}" count="${this.references}" uniqueCount="${this.indices.size}">`;
    for (const text of this.indices.keys()) yield `<si>${textElement(text)}</si>`;
    yield "</sst>";
  }
}

/**
 * The parts of the workbook, in zip order. The sheets fill the shared strings and the styles as they are written,
 * so those two parts come after them: a caller must call each `chunks` in turn, as a zip writer does.
 */
export function toXlsxParts(table: TExportTable, options: { created: Date }): TXlsxPart[] {
  const strings = new SharedStrings();
  const styles = new XlsxStyles();
  const lastColumn = toColumnName(table.columns.length - 1);
  const headerRange = `$A$1:$${lastColumn}$1`;
  const sheets = [XLSX_TABLE_SHEET, XLSX_ABOUT_SHEET];
  const xml = (text: string) => () => [text];
  return [
    { path: "[Content_Types].xml", chunks: xml(toContentTypesXml(sheets.length)) },
    { path: "_rels/.rels", chunks: xml(ROOT_RELS) },
    { path: "docProps/app.xml", chunks: xml(toAppXml(sheets)) },
    { path: "docProps/core.xml", chunks: xml(toCoreXml(table.title, options.created)) },
    {
      path: "xl/workbook.xml",
      chunks: xml(
        `${XML_HEADER}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
          '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
          sheets.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
          "</sheets><definedNames>" +
          `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${XLSX_TABLE_SHEET}!${headerRange}</definedName>` +
          "</definedNames></workbook>",
      ),
    },
    { path: "xl/_rels/workbook.xml.rels", chunks: xml(toWorkbookRelsXml(sheets.length)) },
    { path: "xl/worksheets/sheet1.xml", chunks: () => toTableSheetChunks(table, strings, styles) },
    { path: "xl/worksheets/sheet2.xml", chunks: () => toAboutSheetChunks(table, strings, styles) },
    { path: "xl/sharedStrings.xml", chunks: () => strings.chunks() },
    { path: "xl/styles.xml", chunks: () => [styles.toXml()] },
  ];
}

function* toTableSheetChunks(table: TExportTable, strings: SharedStrings, styles: XlsxStyles): Generator<string> {
  const names = table.columns.map((_, c) => toColumnName(c));
  const last = names[names.length - 1];
  const widths = computeColumnWidths(table);
  yield (
    `${XML_HEADER}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${last}${table.rows.length + 1}"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">' +
    '<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>' +
    '<selection pane="topRight"/><selection pane="bottomLeft"/>' +
    '<selection pane="bottomRight" activeCell="B2" sqref="B2"/>' +
    "</sheetView></sheetViews>" +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    toColsXml(widths.map((w) => w + 2)) +
    "<sheetData>"
  );

  const header = table.columns.map((column, c) => {
    const s = styles.indexOf({
      font: { bold: true, color: XLSX_HEADER_TEXT },
      fill: XLSX_HEADER_FILL,
      alignment: { vertical: "center", horizontal: toHorizontal(column), wrapText: true },
    });
    return stringCell(`${names[c]}1`, s, strings.indexOf(toCellLines(column.label)));
  });
  yield `<row r="1">${header.join("")}</row>`;

  /** Per column: the body format, and the format with each score fill, resolved once rather than per cell. */
  const formats = table.columns.map((column) => {
    const alignment = {
      vertical: "top",
      horizontal: toHorizontal(column),
      wrapText: column.kind !== "number",
    } as const;
    const scored = new Map<TCellStyle, number>();
    return {
      plain: styles.indexOf({ alignment }),
      scored: (style: TCellStyle) => {
        let s = scored.get(style);
        if (s === undefined) {
          const colour = SCORE_COLOURS[style];
          s = styles.indexOf({ font: { color: `FF${colour.text}` }, fill: `FF${colour.fill}`, alignment });
          scored.set(style, s);
        }
        return s;
      },
    };
  });

  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    const number = r + 2;
    let xml = `<row r="${number}">`;
    for (let c = 0; c < table.columns.length; c++) {
      const column = table.columns[c];
      const style = getCellStyle(table, r, column.key);
      const s = style === null ? formats[c].plain : formats[c].scored(style);
      const value = getCell(row, column.key);
      const ref = `${names[c]}${number}`;
      if (value === null) xml += `<c r="${ref}" s="${s}"/>`;
      else if (typeof value === "number") xml += `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
      else xml += stringCell(ref, s, strings.indexOf(toCellLines(value)));
    }
    yield `${xml}</row>`;
  }

  yield `</sheetData><autoFilter ref="A1:${last}1"/>${PAGE_MARGINS}</worksheet>`;
}

function* toAboutSheetChunks(table: TExportTable, strings: SharedStrings, styles: XlsxStyles): Generator<string> {
  const labelWidth = Math.max(12, ...table.meta.map((m) => Math.min(40, m.label.length + 2)));
  const title = styles.indexOf({ font: { bold: true, size: 14 } });
  const label = styles.indexOf({ font: { bold: true }, alignment: { vertical: "top" } });
  const value = styles.indexOf({ alignment: { vertical: "top", wrapText: true } });
  yield (
    `${XML_HEADER}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${table.meta.length > 0 ? `B${table.meta.length + 2}` : "A1"}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    toColsXml([labelWidth, 100]) +
    "<sheetData>" +
    `<row r="1">${stringCell("A1", title, strings.indexOf(toCellLines(table.title)))}</row>`
  );
  for (let i = 0; i < table.meta.length; i++) {
    const line = table.meta[i];
    const r = i + 3;
    yield (
      `<row r="${r}">${stringCell(`A${r}`, label, strings.indexOf(toCellLines(line.label)))}` +
      `${stringCell(`B${r}`, value, strings.indexOf(toCellLines(line.value)))}</row>`
    );
  }
  yield `</sheetData>${PAGE_MARGINS}</worksheet>`;
}

/** "A", "B", …, "Z", "AA", … for a 0-based column index. */
export function toColumnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Text as a cell holds it: LF line breaks, without the characters XML 1.0 cannot hold. */
export function toCellLines(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, "");
}

/** Escapes text for a cell: XML's `&`, `<`, `>`, and Excel's own `_xHHHH_` so such text is shown as written. */
export function escapeXlsxText(text: string): string {
  return escapeXml(text).replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => XML_ENTITIES[char]);
}

const XML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function textElement(text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${escapeXlsxText(text)}</t>`;
}

function stringCell(ref: string, s: number, index: number): string {
  return `<c r="${ref}" s="${s}" t="s"><v>${index}</v></c>`;
}

function toColsXml(widths: readonly number[]): string {
  return `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
}

const PAGE_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

function toHorizontal(column: TExportColumn): THorizontal {
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

function fontXml(font: NonNullable<TXlsxCellFormat["font"]>): string {
  return (
    `<font>${font.bold ? "<b/>" : ""}<sz val="${font.size ?? DEFAULT_FONT_SIZE}"/>` +
    `${font.color ? `<color rgb="${font.color}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`
  );
}

function indexIn(map: Map<string, number>, key: string): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
  }
  return index;
}

function attr(name: string, value: string | undefined): string {
  return value === undefined ? "" : ` ${name}="${value}"`;
}

function toContentTypesXml(sheetCount: number): string {
  const sheet = (i: number) =>
    `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`;
  return (
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
    Array.from({ length: sheetCount }, (_, i) => sheet(i + 1)).join("") +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
    "</Types>"
  );
}

const ROOT_RELS =
  `${XML_HEADER}<Relationships xmlns="${NS_PACKAGE_REL}">` +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
  "</Relationships>";

function toWorkbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  return (
    `${XML_HEADER}<Relationships xmlns="${NS_PACKAGE_REL}">${sheets.join("")}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    "</Relationships>"
  );
}

function toAppXml(sheets: readonly string[]): string {
  return (
    `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${XLSX_CREATOR}</Application>` +
    '<HeadingPairs><vt:vector size="2" baseType="variant">' +
    `<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant>` +
    `</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">` +
    sheets.map((name) => `<vt:lpstr>${escapeXml(name)}</vt:lpstr>`).join("") +
    "</vt:vector></TitlesOfParts></Properties>"
  );
}

function toCoreXml(title: string, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(toCellLines(title))}</dc:title><dc:creator>${XLSX_CREATOR}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

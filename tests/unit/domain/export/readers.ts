/**
 * Independent readers for the export tests: each format is read back by a tool that did not write it (csv-parse,
 * marked, ajv, exceljs, pdflatex, JSZip, saxes), as a researcher's own tools would read it.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Tokens } from "marked";
import { EXPORT_TABLE_JSON_SCHEMA } from "@/lib/domain/export/json";

/** Records as csv-parse reads them (strict RFC 4180: quotes, CRLF, embedded line breaks). */
export function readCsvRecords(text: string, options: { bom?: boolean } = {}): string[][] {
  return parse(text, { bom: options.bom ?? true, relax_column_count: true }) as string[][];
}

/** The table part of a CSV written with a preamble: the records after the first empty one. */
export function tableOfCsv(text: string): string[][] {
  const records = readCsvRecords(text);
  const blank = records.findIndex((r) => r.length === 1 && r[0] === "");
  return blank < 0 ? records : records.slice(blank + 1);
}

// marked 18 ships ESM for `import` and a UMD build beside it; Jest (CommonJS here) loads the UMD build.
const { marked } = jest.requireActual<typeof import("marked")>(
  path.join(process.cwd(), "node_modules/marked/lib/marked.umd.js"),
);

/** Undoes the Markdown writer's escaping as a renderer would: `\X` is X, `<br>` is a line break. */
export const unescapeMarkdown = (text: string) =>
  text.replace(/\\([!-/:-@[-`{-~])|<br>/g, (_match, char: string | undefined) => char ?? "\n");

/** The first GFM table marked finds, header and cells unescaped. */
export function readMarkdownTable(markdown: string): { header: string[]; rows: string[][]; tokens: Tokens.Table } {
  const table = marked.lexer(markdown).find((t): t is Tokens.Table => t.type === "table");
  if (!table) throw new Error(`no table in:\n${markdown}`);
  return {
    header: table.header.map((h) => unescapeMarkdown(h.text)),
    rows: table.rows.map((r) => r.map((c) => unescapeMarkdown(c.text))),
    tokens: table,
  };
}

const exportTableValidator = new Ajv({ allErrors: true, strict: true }).compile(EXPORT_TABLE_JSON_SCHEMA);

/** Parses and validates a JSON export against its published schema; throws with ajv's errors when invalid. */
export function readExportJson<T = Record<string, unknown>>(text: string): T {
  const value: unknown = JSON.parse(text);
  if (!exportTableValidator(value)) throw new Error(JSON.stringify(exportTableValidator.errors, null, 2));
  return value as T;
}

export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Reads a zip with JSZip (exceljs's zip library), not with fflate, which wrote it. */
export async function readZip(bytes: Uint8Array): Promise<Record<string, string>> {
  const JSZip = jest.requireActual<typeof import("jszip")>("jszip");
  const zip = await JSZip.loadAsync(Buffer.from(bytes));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (!entry.dir) out[name] = await entry.async("string");
  }
  return out;
}

/**
 * Parses an XML part with saxes (the strict XML 1.0 parser exceljs reads with), which throws on anything that is not
 * well-formed, and lists the root element and its child elements in document order.
 */
export function readXmlOutline(xml: string): { root: string; children: string[] } {
  const { SaxesParser } = jest.requireActual<typeof import("saxes")>("saxes");
  const parser = new SaxesParser();
  const outline = { root: "", children: [] as string[] };
  let depth = 0;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    if (depth === 0) outline.root = tag.name;
    if (depth === 1) outline.children.push(tag.name);
    depth++;
  });
  parser.on("closetag", () => depth--);
  parser.write(xml).close();
  return outline;
}

export const TEX_PACKAGES =
  "texlive-latex-base texlive-latex-recommended latex-cjk-japanese latex-cjk-japanese-wadalab";
export const pdflatexFound = spawnSync("pdflatex", ["--version"], { encoding: "utf8" }).status === 0;

/** `describe` when pdflatex can run (always in CI, where its absence fails the suite), else `describe.skip`. */
export const describeWithPdflatex = pdflatexFound || process.env.CI ? describe : describe.skip;

export type TCompiled = { status: number | null; errors: string[]; missing: string[]; pdf: boolean; pages: number };

/** Runs pdflatex once in a fresh temporary directory, as a user would. */
export function compileLatex(tex: string): TCompiled {
  if (!pdflatexFound) throw new Error(`pdflatex is not installed: apt-get install ${TEX_PACKAGES}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlines-export-latex-"));
  try {
    fs.writeFileSync(path.join(dir, "export.tex"), tex, "utf8");
    const run = spawnSync("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "export.tex"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, max_print_line: "10000" },
    });
    const logPath = path.join(dir, "export.log");
    const log = fs.existsSync(logPath) ? fs.readFileSync(logPath, "latin1") : run.stdout;
    const pdfPath = path.join(dir, "export.pdf");
    return {
      status: run.status,
      errors: log.split("\n").filter((l) => l.startsWith("!")),
      missing: log.split("\n").filter((l) => l.startsWith("Missing character")),
      pdf: fs.existsSync(pdfPath) && fs.readFileSync(pdfPath).subarray(0, 5).toString("latin1") === "%PDF-",
      pages: Number(/Output written on export\.pdf \((\d+) pages?/.exec(log)?.[1] ?? 0),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The parameters of a table export (`GET /api/export`, `npm run export`): which view, which format, and the view's
 * own parameters, validated up front so a bad value is refused naming its parameter before anything is read.
 *
 * view=matrix|compare                 which table (required)
 * format=csv|xlsx|json|md|tex         which file (required)
 * lang=en|ja                          language of labels, headings and scores (default en)
 * all=1                               every row: the view's row filters are left out (matrix: dimension, score, q;
 *                                     compare: party); visible parties, language, date, sort and coding stay
 * profile=spreadsheet|plain           CSV only: for people in Excel/LibreOffice (default), or for code (R, pandas)
 * bom=1|0                             CSV only: start with a byte-order mark (default: on for spreadsheet)
 * matrix:  document=<id> and the matrix page's parameters (dimension, party, score, q, asOf, sort, group, coder)
 * compare: the compare page's parameters: from=<id>, to=<id>, party=<id> ("what changed for party X", optional),
 *          mode=side|inline (how the page lays the texts out; the file always has both headings and the changes)
 */
import { AppError, badParameter } from "../errors";
import { isSlug } from "../ids";
import type { TLang } from "../localize";
import { MATRIX_PARAMS } from "../matrix/query";
import type { TCsvProfile } from "./csv";

export const EXPORT_VIEWS = ["matrix", "compare"] as const;
export const EXPORT_FORMATS = ["csv", "xlsx", "json", "md", "tex"] as const;
export const CSV_PROFILES = ["spreadsheet", "plain"] as const;

export type TExportView = (typeof EXPORT_VIEWS)[number];
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

const COMMON_PARAMS = ["view", "format", "lang", "all", "profile", "bom"] as const;
/** The matrix page's parameters the export passes on (lang is common). */
const MATRIX_VIEW_PARAMS = MATRIX_PARAMS.filter((p) => p !== "lang");
/** The matrix parameters that filter rows, left out with all=1. */
const MATRIX_ROW_FILTERS = ["dimension", "score", "q"] as const;
const COMPARE_PARAMS = ["from", "to", "party", "mode"] as const;
export const COMPARE_MODES = ["side", "inline"] as const;

export const EXPORT_PARAMS: Readonly<Record<TExportView, readonly string[]>> = {
  matrix: [...COMMON_PARAMS, "document", ...MATRIX_VIEW_PARAMS],
  compare: [...COMMON_PARAMS, ...COMPARE_PARAMS],
};

/** Media type and file extension of each format. */
export const EXPORT_FORMAT_INFO: Readonly<Record<TExportFormat, { contentType: string; extension: string }>> = {
  csv: { contentType: "text/csv; charset=utf-8; header=present", extension: "csv" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md" },
  tex: { contentType: "application/x-tex; charset=utf-8", extension: "tex" },
};

export type TCsvRequest = { profile: TCsvProfile; bom: boolean | undefined };

type TExportCommon = { format: TExportFormat; lang: TLang; all: boolean; csv: TCsvRequest };

export type TMatrixExportRequest = TExportCommon & {
  view: "matrix";
  document: string;
  /** The matrix parameters to build the view with (row filters already left out when `all`). */
  matrixParams: URLSearchParams;
};

export type TCompareExportRequest = TExportCommon & {
  view: "compare";
  from: string;
  to: string;
  /** Null when absent or when `all`. */
  party: string | null;
  mode: (typeof COMPARE_MODES)[number];
};

export type TExportRequest = TMatrixExportRequest | TCompareExportRequest;

function readOne(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name);
  if (values.length > 1) throw badParameter(name, "is given more than once");
  return values.length ? values[0] : null;
}

function readChoice<T extends string>(params: URLSearchParams, name: string, choices: readonly T[]): T | null {
  const value = readOne(params, name);
  if (value === null || value === "") return null;
  if (!(choices as readonly string[]).includes(value)) {
    throw badParameter(name, `must be one of ${choices.join(", ")} (got '${value}')`);
  }
  return value as T;
}

function readFlag(params: URLSearchParams, name: string): boolean | undefined {
  const value = readOne(params, name);
  if (value === null || value === "") return undefined;
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw badParameter(name, `must be 1 or 0 (got '${value}')`);
}

function readSlug(params: URLSearchParams, name: string, required: boolean): string | null {
  const value = readOne(params, name);
  if (value === null || value === "") {
    if (required) throw badParameter(name, "is required");
    return null;
  }
  if (!isSlug(value)) throw badParameter(name, "must be a lowercase id of letters, digits and hyphens");
  return value;
}

export function parseExportRequest(params: URLSearchParams): TExportRequest {
  const view = readChoice(params, "view", EXPORT_VIEWS);
  if (view === null) throw badParameter("view", `is required (one of ${EXPORT_VIEWS.join(", ")})`);
  const allowed = EXPORT_PARAMS[view];
  for (const key of params.keys()) {
    if (!allowed.includes(key)) {
      throw badParameter(key, `is not a parameter of the ${view} export (allowed: ${allowed.join(", ")})`);
    }
  }
  const format = readChoice(params, "format", EXPORT_FORMATS);
  if (format === null) throw badParameter("format", `is required (one of ${EXPORT_FORMATS.join(", ")})`);
  const lang = readChoice(params, "lang", ["en", "ja"] as const) ?? "en";
  const all = readFlag(params, "all") ?? false;
  for (const name of ["profile", "bom"]) {
    if (format !== "csv" && params.has(name)) throw badParameter(name, "applies to format=csv only");
  }
  const csv: TCsvRequest = {
    profile: readChoice(params, "profile", CSV_PROFILES) ?? "spreadsheet",
    bom: readFlag(params, "bom"),
  };
  const common: TExportCommon = { format, lang, all, csv };

  if (view === "matrix") {
    const document = readSlug(params, "document", true) as string;
    const matrixParams = new URLSearchParams();
    for (const [key, value] of params) {
      if (!(MATRIX_VIEW_PARAMS as readonly string[]).includes(key)) continue;
      if (all && (MATRIX_ROW_FILTERS as readonly string[]).includes(key)) continue;
      matrixParams.append(key, value);
    }
    return { ...common, view, document, matrixParams };
  }

  const from = readSlug(params, "from", true) as string;
  const to = readSlug(params, "to", true) as string;
  if (from === to) throw badParameter("to", "must name another document than 'from'");
  const party = readSlug(params, "party", false);
  const mode = readChoice(params, "mode", COMPARE_MODES) ?? "side";
  return { ...common, view, from, to, party: all ? null : party, mode };
}

/** The canonical parameters of a compare export's rows, for its metadata. */
export function toCompareSearchParams(request: TCompareExportRequest): URLSearchParams {
  const params = new URLSearchParams({ from: request.from, to: request.to });
  if (request.party) params.set("party", request.party);
  if (request.mode !== "side") params.set("mode", request.mode);
  return params;
}

/**
 * The download's file name: what, which view, which day, e.g. `redlines_us-28-2025-11-20_matrix_2026-03-14.xlsx`
 * or `redlines_us-28-2025-11-20_vs_e3-counter-2025-11-23_compare_2026-03-14.csv`. Ids are slugs, so the name is
 * plain ASCII.
 */
export function toExportFilename(request: TExportRequest, exportedAt: string): string {
  const date = exportedAt.slice(0, 10);
  const subject = request.view === "matrix" ? request.document : `${request.from}_vs_${request.to}`;
  return `redlines_${subject}_${request.view}_${date}.${EXPORT_FORMAT_INFO[request.format].extension}`;
}

/**
 * The size cap: a table of more cells is refused (413) rather than built, with a message that says how to get
 * the data instead. Cells are rows × columns, the measure every format's size grows with.
 */
export function assertWithinCellCap(rows: number, columns: number, maxCells: number): void {
  const cells = rows * columns;
  if (cells <= maxCells) return;
  const n = (x: number) => x.toLocaleString("en");
  throw new AppError(
    "PAYLOAD_TOO_LARGE",
    `This export would hold ${n(cells)} cells (${n(rows)} rows × ${n(columns)} columns), more than the ` +
      `${n(maxCells)} one table export may hold. Narrow it with the view's filters or fewer parties, or download ` +
      `the whole dataset instead (GET /api/dataset/export).`,
  );
}

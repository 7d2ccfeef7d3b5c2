import "server-only";

/**
 * Table exports: the route and the command line both call `createExportFile` with the same parameters, so a file
 * made on the command line is the file the browser downloads. The matrix goes through `getMatrixView`, the service
 * the page uses, so an export holds exactly the rows and cells the page shows.
 */
import { badParameter, notFound } from "@/lib/domain/errors";
import { buildComparePairs, toCompareExportTable, type TCompareDocument } from "@/lib/domain/export/compare-table";
import { toCsvChunks } from "@/lib/domain/export/csv";
import {
  assertWithinCellCap,
  EXPORT_FORMAT_INFO,
  parseExportRequest,
  toCompareSearchParams,
  toExportFilename,
  type TCompareExportRequest,
  type TExportRequest,
  type TMatrixExportRequest,
} from "@/lib/domain/export/export-query";
import { toJson } from "@/lib/domain/export/json";
import { toLatex } from "@/lib/domain/export/latex";
import { toMarkdown } from "@/lib/domain/export/markdown";
import { toMatrixExportTable } from "@/lib/domain/export/matrix-table";
import type { TExportTable } from "@/lib/domain/export/table";
import { findDimensions } from "@/lib/data/dimensions.repository";
import { getDocument, type TDocumentDetail } from "@/lib/data/documents.repository";
import { findAlignmentsBetween } from "@/lib/data/export.repository";
import { findParties } from "@/lib/data/parties.repository";
import { findRedLinePositions } from "@/lib/data/positions.repository";
import { getCurrentReleaseId } from "@/lib/data/releases.repository";
import { getMatrixView } from "../matrix";
import { streamText } from "./stream";
import { toXlsx } from "./xlsx";

/**
 * The most cells (rows × columns) one table export may hold; larger requests get 413 with advice. Room for the full
 * matrix of a 10,000-clause document with 12 parties (390,000 cells), which bench/export.ts writes to XLSX in about
 * a second with under 20 MiB of extra memory.
 */
export const EXPORT_MAX_CELLS = 500_000;

export type TExportFile = {
  filename: string;
  contentType: string;
  /** CSV is streamed as it is written; the other formats are built whole (they are capped). */
  body: ReadableStream<Uint8Array> | Uint8Array;
  rows: number;
};

export type TExportFileOptions = {
  /** The export time, stated in the file. */
  now: Date;
  /** Origin for permalinks and citations, e.g. "https://redlines.example.org". */
  baseUrl: string;
  maxCells?: number;
};

async function getMatrixExportTable(request: TMatrixExportRequest, options: TExportFileOptions): Promise<TExportTable> {
  const [view, releaseId, dimensions] = await Promise.all([
    getMatrixView(request.document, request.matrixParams, { strict: true, lang: request.lang }),
    getCurrentReleaseId(),
    findDimensions(),
  ]);
  return toMatrixExportTable(view, {
    dimensions,
    releaseId,
    exportedAt: options.now.toISOString(),
    baseUrl: options.baseUrl,
    allRows: request.all,
  });
}

function toCompareDocument(document: TDocumentDetail): TCompareDocument {
  return {
    id: document.id,
    title: document.title,
    titleJa: document.titleJa,
    clauses: document.clauses.map((c, ordinal) => ({
      id: c.id,
      number: c.number,
      ordinal,
      heading: c.heading,
      headingJa: c.headingJa,
      text: c.text,
      textJa: c.textJa,
      topics: c.topics,
    })),
  };
}

async function getCompareExportTable(
  request: TCompareExportRequest,
  options: TExportFileOptions,
): Promise<TExportTable> {
  const [from, to, alignments, redLinePositions, parties, releaseId, dimensions] = await Promise.all([
    getDocument(request.from),
    getDocument(request.to),
    findAlignmentsBetween(request.from, request.to),
    findRedLinePositions(),
    findParties(),
    getCurrentReleaseId(),
    findDimensions(),
  ]);
  if (!from) throw notFound("document", request.from);
  if (!to) throw notFound("document", request.to);
  const party = request.party ? parties.find((p) => p.id === request.party) : null;
  if (party === undefined) {
    throw badParameter(
      "party",
      `has an unknown value '${request.party}' (allowed: ${parties.map((p) => p.id).join(", ")})`,
    );
  }
  const fromDocument = toCompareDocument(from);
  const toDocument = toCompareDocument(to);
  const filters = toCompareSearchParams(request);
  const permalink = new URL("/api/export", options.baseUrl);
  permalink.search = new URLSearchParams([
    ["view", "compare"],
    ["format", "json"],
    ...filters,
    ...(request.lang === "ja" ? [["lang", "ja"]] : []),
  ]).toString();
  return toCompareExportTable(buildComparePairs({ from: fromDocument, to: toDocument, alignments }), {
    from: fromDocument,
    to: toDocument,
    lang: request.lang,
    party: party ? { id: party.id, name: party.name, nameJa: party.nameJa } : null,
    redLinePositions,
    dimensions,
    releaseId,
    exportedAt: options.now.toISOString(),
    permalink: permalink.toString(),
    filters,
    allRows: request.all,
  });
}

/** The table a request describes, checked against the size cap. */
export async function getExportTable(request: TExportRequest, options: TExportFileOptions): Promise<TExportTable> {
  const table =
    request.view === "matrix"
      ? await getMatrixExportTable(request, options)
      : await getCompareExportTable(request, options);
  assertWithinCellCap(table.rows.length, table.columns.length, options.maxCells ?? EXPORT_MAX_CELLS);
  return table;
}

export async function renderExportTable(
  table: TExportTable,
  request: TExportRequest,
  now: Date,
): Promise<TExportFile["body"]> {
  const encode = (text: string) => new TextEncoder().encode(text);
  switch (request.format) {
    case "csv":
      return streamText(toCsvChunks(table, { profile: request.csv.profile, bom: request.csv.bom }));
    case "xlsx":
      return toXlsx(table, { created: now });
    case "json":
      return encode(toJson(table));
    case "md":
      return encode(toMarkdown(table));
    case "tex":
      return encode(toLatex(table));
    default: {
      const unreachable: never = request.format;
      return unreachable;
    }
  }
}

/** Validates the parameters, builds the table and writes it in the asked format. */
export async function createExportFile(params: URLSearchParams, options: TExportFileOptions): Promise<TExportFile> {
  const request = parseExportRequest(params);
  const table = await getExportTable(request, options);
  return {
    filename: toExportFilename(request, options.now.toISOString()),
    contentType: EXPORT_FORMAT_INFO[request.format].contentType,
    body: await renderExportTable(table, request, options.now),
    rows: table.rows.length,
  };
}

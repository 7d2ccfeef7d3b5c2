/**
 * The clause × party matrix as an export table, exactly as the view shows it: the rows the filters leave, in the
 * view's order (grouped rows repeated under each of their topics, as on the page), the visible parties, labels in
 * the view's language. Each party has three columns: the score's label (coloured like the matrix), the score as a
 * number (so a dataset user keeps numbers: −2..2, empty for "no stated position" and for "not assessed"), and the
 * red lines of that party the clause touches as of the view's date.
 *
 * The metadata says what the file is: document, the view's canonical parameters (the same text the page's address
 * holds), the visible parties, the row count, the dataset release, the export time, how to cite and a permalink
 * that reopens the same view.
 */
import { localize, type TLang } from "../localize";
import type { TMatrix, TMatrixRow } from "../matrix/build";
import { toMatrixSearchParams, type TMatrixVocabulary } from "../matrix/query";
import { EXPORT_LABELS } from "./labels";
import {
  CELL_STYLES,
  type TCellStyle,
  type TExportColumn,
  type TExportMeta,
  type TExportRow,
  type TExportTable,
} from "./table";

/** What the matrix export reads: the built matrix, its document and the vocabulary its parameters are checked against. */
export type TMatrixExportSource = TMatrix & {
  document: { id: string; title: string; titleJa: string | null };
  vocabulary: TMatrixVocabulary;
};

export type TExportDimension = { id: string; label: string; labelJa: string | null };

export type TMatrixExportOptions = {
  /** The codebook, for topic and red-line labels; an id missing from it is written as the id. */
  dimensions: readonly TExportDimension[];
  /** The newest applied release, or null when none is recorded. */
  releaseId: string | null;
  /** ISO 8601 date-time of the export (passed in: the domain reads no clock). */
  exportedAt: string;
  /** Absolute origin the permalink is built on, e.g. "https://redlines.example.org". */
  baseUrl: string;
  /** The caller dropped the view's row filters ("all rows"); said in the metadata. */
  allRows?: boolean;
};

/** Column keys of a party's three columns. Party ids are slugs, so the colon cannot collide. */
export function toPartyColumnKeys(partyId: string): { label: string; score: string; redLines: string } {
  return { label: `${partyId}:label`, score: `${partyId}:score`, redLines: `${partyId}:redLines` };
}

/** The view's canonical parameters as a reader sees them: "dimension=territory; party=ua,ru". */
export function toFilterText(params: URLSearchParams): string {
  return [...params].map(([key, value]) => `${key}=${value}`).join("; ");
}

/** The page address that reopens the view (English bare, Japanese under /ja, as the site routes them). */
export function toMatrixPermalink(baseUrl: string, documentId: string, lang: TLang, search: string): string {
  const prefix = lang === "ja" ? "/ja" : "";
  return `${baseUrl.replace(/\/+$/, "")}${prefix}/documents/${documentId}/matrix${search ? `?${search}` : ""}`;
}

export function toMatrixExportTable(view: TMatrixExportSource, options: TMatrixExportOptions): TExportTable {
  const lang = view.query.lang;
  const labels = EXPORT_LABELS[lang];
  const dimensionById = new Map(options.dimensions.map((d) => [d.id, d]));
  const dimensionLabel = (id: string) => {
    const d = dimensionById.get(id);
    return d ? localize(lang, d.label, d.labelJa).text : id;
  };
  const grouped = view.groups !== null;

  const columns: TExportColumn[] = [
    { key: "number", label: labels.columns.number },
    ...(grouped ? [{ key: "group", label: labels.columns.group }] : []),
    { key: "heading", label: labels.columns.heading },
    { key: "topics", label: labels.columns.topics },
  ];
  for (const party of view.parties) {
    const keys = toPartyColumnKeys(party.id);
    columns.push(
      { key: keys.label, label: labels.columns.scoreLabel(party.name.text), kind: "score" },
      { key: keys.score, label: labels.columns.scoreValue(party.name.text), kind: "number" },
      { key: keys.redLines, label: labels.columns.redLines(party.name.text) },
    );
  }

  const rows: TExportRow[] = [];
  const cellStyles: Partial<Record<string, TCellStyle>>[] = [];
  const pushRow = (row: TMatrixRow, group: string | null) => {
    const cells: Record<string, string | number | null> = { number: row.number };
    if (grouped) cells.group = group;
    cells.heading = row.title.text;
    cells.topics = row.topics.map(dimensionLabel).join("; ");
    const style: Partial<Record<string, TCellStyle>> = {};
    row.cells.forEach((cell, i) => {
      const keys = toPartyColumnKeys(view.parties[i].id);
      // A cell shows a score only when its key is a level of the scale; "unassessed" (and any state that hides
      // the coding, such as blind coding) leaves the label and the number empty, as the page does.
      const level = (CELL_STYLES as readonly string[]).includes(cell.key) ? (cell.key as TCellStyle) : null;
      cells[keys.label] = level ? cell.label : null;
      cells[keys.score] = level && typeof cell.score === "number" ? cell.score : null;
      cells[keys.redLines] = cell.redLines.map((r) => dimensionLabel(r.dimensionId)).join("; ");
      if (level) style[keys.label] = level;
    });
    rows.push(cells);
    cellStyles.push(style);
  };
  if (view.groups) {
    const byId = new Map(view.rows.map((r) => [r.clauseId, r]));
    for (const group of view.groups) {
      const name = group.dimensionId === null ? labels.noTopic : dimensionLabel(group.dimensionId);
      for (const clauseId of group.clauseIds) {
        const row = byId.get(clauseId);
        if (row) pushRow(row, name);
      }
    }
  } else {
    for (const row of view.rows) pushRow(row, null);
  }

  const documentTitle = localize(lang, view.document.title, view.document.titleJa).text;
  const title = labels.matrixTitle(documentTitle);
  const canonical = toMatrixSearchParams(view.query, view.vocabulary);
  const permalink = toMatrixPermalink(options.baseUrl, view.document.id, lang, canonical.toString());
  const filterText = toFilterText(canonical);
  const meta: TExportMeta[] = [
    { key: "document", label: labels.meta.document, value: `${documentTitle} (${view.document.id})` },
    { key: "view", label: labels.meta.view, value: labels.meta.matrixView },
    {
      key: "filters",
      label: labels.meta.filters,
      value: [filterText || labels.meta.noFilters, ...(options.allRows ? [labels.meta.allRows] : [])].join("; "),
    },
    { key: "parties", label: labels.meta.parties, value: view.parties.map((p) => p.name.text).join("; ") },
    ...(view.query.asOf ? [{ key: "asOf", label: labels.meta.asOf, value: view.query.asOf }] : []),
    { key: "coder", label: labels.meta.coder, value: view.query.coder },
    { key: "rows", label: labels.meta.rowsLabel, value: labels.meta.rows(view.rows.length, view.totalClauses) },
    { key: "scores", label: labels.meta.scoreNote, value: labels.meta.scoreNoteText },
    { key: "release", label: labels.meta.release, value: options.releaseId ?? labels.meta.noRelease },
    { key: "exportedAt", label: labels.meta.exportedAt, value: options.exportedAt },
    {
      key: "citation",
      label: labels.meta.citation,
      value: labels.citation({
        title,
        release: options.releaseId,
        date: options.exportedAt.slice(0, 10),
        url: permalink,
      }),
    },
    { key: "permalink", label: labels.meta.permalink, value: permalink },
  ];
  return { title, lang, meta, columns, rows, cellStyles };
}

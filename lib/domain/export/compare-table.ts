/**
 * The version comparison as an export table: one row per aligned pair of clauses of two documents, with the
 * relation, where the link comes from, the aligner's confidence and the word-level changes as text.
 *
 * Pairs come from the dataset's alignments first (the reference, and proposals a researcher confirmed); clauses no
 * recorded alignment covers are aligned by `proposeAlignment`, among themselves, and marked `proposed` with their
 * confidence. When nothing is recorded from → to, the alignments recorded to → from are read turned round (a merge
 * read backwards is a split, a removal an addition), as the compare page reads them.
 *
 * "What changed for party X" keeps the pairs one of whose clauses touches a dimension on which X has stated a red
 * line, and says which. Changes are written as git's word diff writes them: `[-deleted-]` and `{+inserted+}`.
 */
import { computeWordDiff, proposeAlignment, type TAlignmentClause } from "../alignment";
import { localize, localizeOptional, type TLang } from "../localize";
import { findRedLinesTouched, type TRedLineCandidate } from "../red-lines";
import { ALIGNMENT_RELATIONS, type TAlignmentRelation } from "../vocabulary";
import { EXPORT_LABELS, type TCompareOrigin } from "./labels";
import { toFilterText, type TExportDimension } from "./matrix-table";
import type { TExportColumn, TExportMeta, TExportRow, TExportTable } from "./table";

export type TCompareClause = {
  id: string;
  number: string;
  /** Position in its document; clauses are sorted by it. */
  ordinal: number;
  heading: string;
  headingJa: string | null;
  text: string;
  textJa: string | null;
  topics: readonly string[];
};

export type TCompareDocument = {
  id: string;
  title: string;
  titleJa: string | null;
  clauses: readonly TCompareClause[];
};

/** An Alignment row between the two documents, in either direction. */
export type TRecordedAlignment = {
  id: string;
  ordinal: number;
  fromDocumentId: string;
  fromClauseId: string | null;
  toDocumentId: string;
  toClauseId: string | null;
  relation: string;
  note: string | null;
  noteJa: string | null;
  /** reference | confirmed */
  origin: string;
  confidence: number | null;
};

export type TComparePair = {
  from: TCompareClause | null;
  to: TCompareClause | null;
  relation: TAlignmentRelation;
  origin: TCompareOrigin;
  /** The aligner's confidence in [0,1] for proposals (and confirmed proposals that kept it); null otherwise. */
  confidence: number | null;
  note: string | null;
  noteJa: string | null;
};

const REVERSED: Record<TAlignmentRelation, TAlignmentRelation> = {
  unchanged: "unchanged",
  modified: "modified",
  moved: "moved",
  merged: "split",
  split: "merged",
  removed: "added",
  added: "removed",
};

function toRelation(value: string): TAlignmentRelation {
  return (ALIGNMENT_RELATIONS as readonly string[]).includes(value) ? (value as TAlignmentRelation) : "modified";
}

function toAlignmentClause(clause: TCompareClause): TAlignmentClause {
  return {
    id: clause.id,
    number: clause.number,
    ordinal: clause.ordinal,
    heading: clause.heading,
    text: clause.text,
    topics: clause.topics,
  };
}

/**
 * Every pair of the comparison, in the from-document's order (additions after, in the to-document's order).
 * Every clause of both documents appears in at least one pair.
 */
export function buildComparePairs({
  from,
  to,
  alignments,
}: {
  from: TCompareDocument;
  to: TCompareDocument;
  alignments: readonly TRecordedAlignment[];
}): TComparePair[] {
  const fromById = new Map(from.clauses.map((c) => [c.id, c]));
  const toById = new Map(to.clauses.map((c) => [c.id, c]));
  const pairs: TComparePair[] = [];
  const coveredFrom = new Set<string>();
  const coveredTo = new Set<string>();
  const sorted = [...alignments].sort((a, b) => a.ordinal - b.ordinal || (a.id < b.id ? -1 : 1));
  const isForward = (a: TRecordedAlignment) => a.fromDocumentId === from.id && a.toDocumentId === to.id;
  const isBackward = (a: TRecordedAlignment) => a.fromDocumentId === to.id && a.toDocumentId === from.id;
  const forward = sorted.some(isForward);
  for (const a of sorted.filter(forward ? isForward : isBackward)) {
    const fromId = forward ? a.fromClauseId : a.toClauseId;
    const toId = forward ? a.toClauseId : a.fromClauseId;
    const fromClause = fromId === null ? null : (fromById.get(fromId) ?? null);
    const toClause = toId === null ? null : (toById.get(toId) ?? null);
    if (!fromClause && !toClause) continue;
    const relation = toRelation(a.relation);
    if (fromClause) coveredFrom.add(fromClause.id);
    if (toClause) coveredTo.add(toClause.id);
    pairs.push({
      from: fromClause,
      to: toClause,
      relation: forward ? relation : REVERSED[relation],
      origin: a.origin === "confirmed" ? "confirmed" : "reference",
      confidence: a.confidence,
      note: a.note,
      noteJa: a.noteJa,
    });
  }

  const restFrom = from.clauses.filter((c) => !coveredFrom.has(c.id));
  const restTo = to.clauses.filter((c) => !coveredTo.has(c.id));
  if (restFrom.length > 0 || restTo.length > 0) {
    const links = proposeAlignment({ from: restFrom.map(toAlignmentClause), to: restTo.map(toAlignmentClause) });
    for (const link of links) {
      pairs.push({
        from: link.fromId === null ? null : (fromById.get(link.fromId) ?? null),
        to: link.toId === null ? null : (toById.get(link.toId) ?? null),
        relation: link.relation,
        origin: "proposed",
        confidence: link.confidence,
        note: null,
        noteJa: null,
      });
    }
  }

  const rank = (pair: TComparePair) => [pair.from?.ordinal ?? Number.POSITIVE_INFINITY, pair.to?.ordinal ?? -1];
  return pairs
    .map((pair, index) => ({ pair, index, key: rank(pair) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map((x) => x.pair);
}

/** `[-deleted-]` and `{+inserted+}` around the words that changed; the unchanged words as they are. */
export function toDiffText(before: string | null, after: string | null): string {
  if (before === null && after === null) return "";
  if (after === null) return before === "" ? "" : `[-${before}-]`;
  if (before === null) return after === "" ? "" : `{+${after}+}`;
  return computeWordDiff(before, after)
    .map((s) => (s.kind === "delete" ? `[-${s.text}-]` : s.kind === "insert" ? `{+${s.text}+}` : s.text))
    .join("");
}

/**
 * The texts a pair's changes are computed on: Japanese when the reader's language is Japanese and both clauses
 * have a Japanese text (a diff between two languages would mark every word), English otherwise.
 */
function pairTexts(pair: TComparePair, lang: TLang): [string | null, string | null] {
  const ja =
    lang === "ja" &&
    (pair.from === null || Boolean(pair.from.textJa?.trim())) &&
    (pair.to === null || Boolean(pair.to.textJa?.trim()));
  const text = (c: TCompareClause | null) => (c === null ? null : ja ? (c.textJa ?? c.text) : c.text);
  return [text(pair.from), text(pair.to)];
}

export type TCompareExportOptions = {
  from: Omit<TCompareDocument, "clauses">;
  to: Omit<TCompareDocument, "clauses">;
  lang: TLang;
  /** "What changed for party X": keep the pairs that touch one of X's red lines. Null: every pair. */
  party: { id: string; name: string; nameJa: string | null } | null;
  /** Red-line positions (any party; only `party`'s count), for the party filter and its column. */
  redLinePositions: readonly TRedLineCandidate[];
  dimensions: readonly TExportDimension[];
  releaseId: string | null;
  exportedAt: string;
  /** The address that reproduces this table (the export's own URL in JSON). */
  permalink: string;
  /** The parameters that chose the rows, in canonical form, for the metadata. */
  filters: URLSearchParams;
  allRows?: boolean;
};

export function toCompareExportTable(pairs: readonly TComparePair[], options: TCompareExportOptions): TExportTable {
  const { lang, party } = options;
  const labels = EXPORT_LABELS[lang];
  const dimensionById = new Map(options.dimensions.map((d) => [d.id, d]));
  const dimensionLabel = (id: string) => {
    const d = dimensionById.get(id);
    return d ? localize(lang, d.label, d.labelJa).text : id;
  };
  const partyName = party ? localize(lang, party.name, party.nameJa).text : null;

  const columns: TExportColumn[] = [
    { key: "fromNumber", label: labels.columns.fromNumber },
    { key: "fromHeading", label: labels.columns.fromHeading },
    { key: "toNumber", label: labels.columns.toNumber },
    { key: "toHeading", label: labels.columns.toHeading },
    { key: "relation", label: labels.columns.relation },
    { key: "origin", label: labels.columns.origin },
    { key: "confidence", label: labels.columns.confidence, kind: "number" },
    ...(partyName ? [{ key: "redLines", label: labels.columns.redLines(partyName) }] : []),
    { key: "diff", label: labels.columns.diff },
    { key: "note", label: labels.columns.note },
  ];

  const rows: TExportRow[] = [];
  for (const pair of pairs) {
    let redLines: string[] = [];
    if (party) {
      const topics = [...new Set([...(pair.from?.topics ?? []), ...(pair.to?.topics ?? [])])];
      redLines = findRedLinesTouched({
        topics,
        partyId: party.id,
        positions: options.redLinePositions,
      }).map((r) => r.dimensionId);
      if (redLines.length === 0) continue;
    }
    const [before, after] = pairTexts(pair, lang);
    const heading = (c: TCompareClause | null) => (c ? localize(lang, c.heading, c.headingJa).text : null);
    rows.push({
      fromNumber: pair.from?.number ?? null,
      fromHeading: heading(pair.from),
      toNumber: pair.to?.number ?? null,
      toHeading: heading(pair.to),
      relation: labels.relation[pair.relation],
      origin: labels.origin[pair.origin],
      confidence: pair.confidence === null ? null : Math.round(pair.confidence * 1000) / 1000,
      ...(partyName ? { redLines: redLines.map(dimensionLabel).join("; ") } : {}),
      diff: toDiffText(before, after),
      note: localizeOptional(lang, pair.note, pair.noteJa)?.text ?? null,
    });
  }

  const fromTitle = localize(lang, options.from.title, options.from.titleJa).text;
  const toTitle = localize(lang, options.to.title, options.to.titleJa).text;
  const title = labels.compareTitle(fromTitle, toTitle);
  const filterText = toFilterText(options.filters);
  const meta: TExportMeta[] = [
    {
      key: "documents",
      label: labels.meta.documents,
      value: `${fromTitle} (${options.from.id}) → ${toTitle} (${options.to.id})`,
    },
    { key: "view", label: labels.meta.view, value: labels.meta.compareView },
    {
      key: "filters",
      label: labels.meta.filters,
      value: [filterText || labels.meta.noFilters, ...(options.allRows ? [labels.meta.allRows] : [])].join("; "),
    },
    ...(partyName ? [{ key: "party", label: labels.meta.party, value: `${partyName} (${party?.id})` }] : []),
    { key: "rows", label: labels.meta.rowsLabel, value: labels.meta.pairs(rows.length) },
    { key: "method", label: labels.meta.method, value: labels.meta.methodText },
    { key: "diffNotation", label: labels.meta.diffNotation, value: labels.meta.diffNotationText },
    { key: "release", label: labels.meta.release, value: options.releaseId ?? labels.meta.noRelease },
    { key: "exportedAt", label: labels.meta.exportedAt, value: options.exportedAt },
    {
      key: "citation",
      label: labels.meta.citation,
      value: labels.citation({
        title,
        release: options.releaseId,
        date: options.exportedAt.slice(0, 10),
        url: options.permalink,
      }),
    },
    { key: "permalink", label: labels.meta.permalink, value: options.permalink },
  ];
  return { title, lang, meta, columns, rows };
}

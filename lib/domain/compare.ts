/**
 * Comparing two versions of a plan, clause by clause: the one place where the stored alignments between two
 * documents are oriented, completed with the aligner's proposals, grouped (merges and splits), diffed word by word,
 * counted, and filtered to what changed for one party. The compare page and its JSON twin both call
 * `buildComparison`, so they cannot disagree.
 *
 * Where the pairs come from. Researchers' links win: the alignments stored between the two documents (shipped with
 * the dataset, `reference`, or confirmed at import, `confirmed`) come first. A clause no stored link covers is
 * aligned by `proposeAlignment` among the other uncovered clauses, and every such link says `proposed` with its
 * confidence, so a reader never takes a machine's guess for a researcher's judgement.
 */
import { proposeAlignment, type TAlignmentClause } from "./alignment";
import { AppError, badParameter } from "./errors";
import { isSlug } from "./ids";
import { localize, localizeOptional, type TLang, type TLocalized } from "./localize";
import type { TParamSource } from "./matrix/query";
import { findRedLinesTouched, type TRedLineCandidate } from "./red-lines";
import { ALIGNMENT_RELATIONS, type TAlignmentRelation } from "./vocabulary";
import { computeWordDiff, type TWordDiffSegment } from "./word-diff";

// ---- Query ---------------------------------------------------------------------------------------------------

export const COMPARE_PARAMS = ["from", "to", "party", "mode", "lang"] as const;
export const COMPARE_MODES = ["side", "inline"] as const;
export type TCompareMode = (typeof COMPARE_MODES)[number];

/**
 * from=us-28-2025-11-20  the earlier version (any document id)
 * to=e3-counter-2025-11-23 the later version; must differ from `from` (the reverse direction works too)
 * party=ua               keep only clauses touching that party's red-line dimensions, with its scores before/after
 * mode=side|inline       two columns (default) or one text with deletions and insertions inline
 * lang=en|ja             language of the texts and labels in the JSON twin (pages take it from the path)
 */
export type TCompareQuery = {
  from: string | null;
  to: string | null;
  party: string | null;
  mode: TCompareMode;
  lang: TLang;
};

function readOne(source: TParamSource, name: string): string | null {
  const values =
    source instanceof URLSearchParams
      ? source.getAll(name)
      : source[name] === undefined
        ? []
        : ([] as string[]).concat(source[name]!);
  if (values.length > 1) throw badParameter(name, "is given more than once");
  const value = values[0]?.trim();
  return value ? value : null;
}

function readChoice<T extends string>(source: TParamSource, name: string, choices: readonly T[], fallback: T): T {
  const value = readOne(source, name);
  if (value === null) return fallback;
  if (!(choices as readonly string[]).includes(value))
    throw badParameter(name, `must be one of ${choices.join(", ")} (got '${value}')`);
  return value as T;
}

function readSlug(source: TParamSource, name: string): string | null {
  const value = readOne(source, name);
  if (value !== null && !isSlug(value))
    throw badParameter(name, "must be a lowercase id of letters, digits and hyphens");
  return value;
}

/**
 * Parses the view state. With `requireDocuments` (the JSON twin) both documents must be named; the page accepts
 * their absence and shows the pickers. `strict` refuses unknown parameters, so a typo is an error, not a no-op.
 */
export function parseCompareQuery(
  source: TParamSource,
  { strict, requireDocuments }: { strict: boolean; requireDocuments: boolean },
): TCompareQuery {
  if (strict) {
    const keys = source instanceof URLSearchParams ? [...source.keys()] : Object.keys(source);
    for (const key of keys)
      if (!(COMPARE_PARAMS as readonly string[]).includes(key))
        throw badParameter(key, `is not a parameter of the comparison (allowed: ${COMPARE_PARAMS.join(", ")})`);
  }
  const from = readSlug(source, "from");
  const to = readSlug(source, "to");
  if (requireDocuments && from === null) throw badParameter("from", "is required (the id of the earlier document)");
  if (requireDocuments && to === null) throw badParameter("to", "is required (the id of the later document)");
  if (from !== null && from === to) throw badParameter("to", "must name a different document than 'from'");
  return {
    from,
    to,
    party: readSlug(source, "party"),
    mode: readChoice(source, "mode", COMPARE_MODES, "side"),
    lang: readChoice(source, "lang", ["en", "ja"] as const, "en"),
  };
}

/** The canonical address of a view (defaults left out), for links and the pickers. */
export function toCompareSearchParams(query: Pick<TCompareQuery, "from" | "to" | "party" | "mode">): URLSearchParams {
  const params = new URLSearchParams();
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.party) params.set("party", query.party);
  if (query.mode !== "side") params.set("mode", query.mode);
  return params;
}

// ---- Input ---------------------------------------------------------------------------------------------------

export type TCompareCitation = { outlet: string; url: string; date: string | null; note: string | null };

export type TCompareClauseInput = {
  id: string;
  number: string;
  ordinal: number;
  heading: string;
  headingJa: string | null;
  text: string;
  textJa: string | null;
  topics: string[];
  sources: TCompareCitation[];
};

/** An Alignment row between the two documents, in either direction. */
export type TStoredAlignmentInput = {
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

/** One coder's assessment of a clause for the filtered party (the page uses the reference coding). */
export type TCompareAssessmentInput = { clauseId: string; partyId: string; score: number | null; status: string };

export type TBuildComparisonOptions = {
  fromDocumentId: string;
  toDocumentId: string;
  fromClauses: readonly TCompareClauseInput[];
  toClauses: readonly TCompareClauseInput[];
  alignments: readonly TStoredAlignmentInput[];
  lang: TLang;
  /** Null: every clause. A party id: only clauses that touch one of its red-line dimensions. */
  party: string | null;
  /** Needed with a party: red-line positions (other parties and kinds are ignored). */
  redLinePositions?: readonly TRedLineCandidate[];
  /** Needed with a party: its assessments of the two documents' clauses. */
  assessments?: readonly TCompareAssessmentInput[];
};

// ---- Output --------------------------------------------------------------------------------------------------

/** Where a link comes from: the shipped dataset, a researcher's confirmation at import, or the aligner. */
export type TLinkSource = "reference" | "confirmed" | "proposed";

export type TCompareLink = {
  fromClauseId: string | null;
  toClauseId: string | null;
  relation: TAlignmentRelation;
  source: TLinkSource;
  /** The aligner's confidence in [0,1]; null for links a person made without a proposal. */
  confidence: number | null;
  note: TLocalized | null;
};

export type TCompareSide = {
  id: string;
  number: string;
  title: TLocalized;
  text: TLocalized;
  topics: string[];
  sources: TCompareCitation[];
};

export type TCompareDiff = {
  /** The language both texts were compared in: the reader's, when every text of the entry has it. */
  lang: TLang;
  /** True when the reader asked for Japanese and a text lacked it, so the English texts were compared. */
  fallback: boolean;
  segments: TWordDiffSegment[];
  insertedWords: number;
  deletedWords: number;
};

export type TPartyScore = {
  clauseId: string;
  number: string;
  assessed: boolean;
  /** −2..2, or null for "no stated position" (also null when not assessed: see `assessed`). */
  score: number | null;
  /** final, or inherited (carried from an earlier version, not yet reviewed); null when not assessed. */
  status: string | null;
};

export type TPartyChange = {
  partyId: string;
  /** Red-line dimensions of the party that the entry's clauses touch, on either side. */
  dimensions: string[];
  before: TPartyScore[];
  after: TPartyScore[];
};

/** Aligned clauses: a pair (unchanged, modified, moved) or a group (merged: n → 1; split: 1 → n). */
export type TCompareEntry = {
  relation: Extract<TAlignmentRelation, "unchanged" | "modified" | "moved" | "merged" | "split">;
  source: TLinkSource;
  /** The lowest confidence of the entry's links; null when none has one. */
  confidence: number | null;
  links: TCompareLink[];
  from: TCompareSide[];
  to: TCompareSide[];
  /** The from-texts (joined, one per line) against the to-texts. */
  diff: TCompareDiff;
  party: TPartyChange | null;
};

/** A clause with no counterpart: removed (in `from` only) or added (in `to` only). */
export type TCompareUnmatched = {
  relation: "removed" | "added";
  link: TCompareLink;
  clause: TCompareSide;
  party: TPartyChange | null;
};

export type TCompareSummary = {
  /** Entries shown, by relation: pairs count one each, a merge or split group counts once, unmatched clauses one each. */
  counts: Record<TAlignmentRelation, number>;
  /** Entries shown that rest on the aligner's proposal rather than a stored alignment. */
  proposed: number;
  /** Entries shown (after the party filter). */
  shown: number;
  /** Entries before the party filter. */
  total: number;
};

export type TComparison = {
  pairs: TCompareEntry[];
  removed: TCompareUnmatched[];
  added: TCompareUnmatched[];
  summary: TCompareSummary;
};

// ---- Building ------------------------------------------------------------------------------------------------

const FLIPPED: Record<TAlignmentRelation, TAlignmentRelation> = {
  unchanged: "unchanged",
  modified: "modified",
  moved: "moved",
  merged: "split",
  split: "merged",
  removed: "added",
  added: "removed",
};

function isRelation(value: string): value is TAlignmentRelation {
  return (ALIGNMENT_RELATIONS as readonly string[]).includes(value);
}

function toSource(origin: string): TLinkSource {
  return origin === "confirmed" ? "confirmed" : "reference";
}

/**
 * The stored links between the two documents, as links from `from` to `to`. A pair of documents is aligned in one
 * direction; comparing the other way flips each link (a merge read backwards is a split, a removal an addition).
 * If links were stored in both directions, those in the asked direction win and the others are ignored.
 */
export function orientStoredAlignments(
  fromDocumentId: string,
  toDocumentId: string,
  alignments: readonly TStoredAlignmentInput[],
  lang: TLang,
): TCompareLink[] {
  const forward = alignments.filter((a) => a.fromDocumentId === fromDocumentId && a.toDocumentId === toDocumentId);
  const backward = alignments.filter((a) => a.fromDocumentId === toDocumentId && a.toDocumentId === fromDocumentId);
  const flip = forward.length === 0;
  return (flip ? backward : forward).map((a) => {
    if (!isRelation(a.relation))
      throw new AppError("INTERNAL", `A stored alignment has the unknown relation '${a.relation}'`);
    return {
      fromClauseId: flip ? a.toClauseId : a.fromClauseId,
      toClauseId: flip ? a.fromClauseId : a.toClauseId,
      relation: flip ? FLIPPED[a.relation] : a.relation,
      source: toSource(a.origin),
      confidence: a.confidence,
      note: localizeOptional(lang, a.note, a.noteJa),
    };
  });
}

function toAlignmentClause(c: TCompareClauseInput): TAlignmentClause {
  return { id: c.id, number: c.number, ordinal: c.ordinal, heading: c.heading, text: c.text, topics: c.topics };
}

/** Links for the clauses no stored link covers, proposed among those clauses only. */
function proposeForUncovered(
  fromClauses: readonly TCompareClauseInput[],
  toClauses: readonly TCompareClauseInput[],
  stored: readonly TCompareLink[],
): TCompareLink[] {
  const coveredFrom = new Set(stored.map((l) => l.fromClauseId));
  const coveredTo = new Set(stored.map((l) => l.toClauseId));
  const from = fromClauses.filter((c) => !coveredFrom.has(c.id)).map(toAlignmentClause);
  const to = toClauses.filter((c) => !coveredTo.has(c.id)).map(toAlignmentClause);
  if (from.length === 0 && to.length === 0) return [];
  return proposeAlignment({ from, to }).map((p) => ({
    fromClauseId: p.fromId,
    toClauseId: p.toId,
    relation: p.relation,
    source: "proposed" as const,
    confidence: p.confidence,
    note: null,
  }));
}

function toSide(c: TCompareClauseInput, lang: TLang): TCompareSide {
  return {
    id: c.id,
    number: c.number,
    title: localize(lang, c.heading, c.headingJa),
    text: localize(lang, c.text, c.textJa),
    topics: c.topics,
    sources: c.sources,
  };
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** Words in a diff segment; in scripts without spaces each character counts as a word. */
function countWords(text: string): number {
  let count = 0;
  for (const match of text.matchAll(WORD)) count += CJK.test(match[0]) ? Array.from(match[0]).length : 1;
  return count;
}

function buildDiff(
  from: readonly TCompareClauseInput[],
  to: readonly TCompareClauseInput[],
  lang: TLang,
): TCompareDiff {
  const hasJa = (c: TCompareClauseInput) => c.textJa !== null && c.textJa.trim() !== "";
  const useJa = lang === "ja" && [...from, ...to].every(hasJa);
  const text = (c: TCompareClauseInput) => (useJa ? c.textJa! : c.text);
  const segments = computeWordDiff(from.map(text).join("\n"), to.map(text).join("\n"));
  let insertedWords = 0;
  let deletedWords = 0;
  for (const s of segments) {
    if (s.kind === "insert") insertedWords += countWords(s.text);
    else if (s.kind === "delete") deletedWords += countWords(s.text);
  }
  return { lang: useJa ? "ja" : "en", fallback: lang === "ja" && !useJa, segments, insertedWords, deletedWords };
}

/** Union-find over clause ids, to gather merge and split links into groups. */
function groupLinks(links: readonly TCompareLink[]): TCompareLink[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const key = (side: "f" | "t", id: string) => `${side}:${id}`;
  for (const l of links) {
    const a = key("f", l.fromClauseId!);
    const b = key("t", l.toClauseId!);
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  }
  const groups = new Map<string, TCompareLink[]>();
  for (const l of links) {
    const root = find(key("f", l.fromClauseId!));
    const list = groups.get(root);
    if (list) list.push(l);
    else groups.set(root, [l]);
  }
  return [...groups.values()];
}

function lowestConfidence(links: readonly TCompareLink[]): number | null {
  const values = links.flatMap((l) => (l.confidence === null ? [] : [l.confidence]));
  return values.length ? Math.min(...values) : null;
}

function uniqueInOrder<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Builds the comparison of two documents. Every clause of both documents appears in it exactly as the links say:
 * in a pair or group, or as removed / added; a clause a stored link names more than once (the dataset sometimes
 * links two earlier points to one later point as two modifications) appears once per link.
 *
 * Groups: links marked merged or split that share a clause form one group; a group with one from-clause is a
 * split, any other a merge. Counting (summary): a pair counts one, a group one, an unmatched clause one.
 */
export function buildComparison(options: TBuildComparisonOptions): TComparison {
  const { fromDocumentId, toDocumentId, fromClauses, toClauses, alignments, lang, party } = options;
  const fromById = new Map(fromClauses.map((c) => [c.id, c]));
  const toById = new Map(toClauses.map((c) => [c.id, c]));

  // Stored links that name a clause outside the two documents cannot be shown; they do not occur in a consistent
  // database (foreign keys), so they are dropped rather than guessed at.
  const stored = orientStoredAlignments(fromDocumentId, toDocumentId, alignments, lang).filter(
    (l) =>
      (l.fromClauseId === null || fromById.has(l.fromClauseId)) &&
      (l.toClauseId === null || toById.has(l.toClauseId)) &&
      (l.fromClauseId !== null || l.toClauseId !== null),
  );
  const links = [...stored, ...proposeForUncovered(fromClauses, toClauses, stored)];

  const touchedOf = (clause: TCompareClauseInput): string[] =>
    party === null
      ? []
      : findRedLinesTouched({
          topics: clause.topics,
          partyId: party,
          positions: options.redLinePositions ?? [],
        }).map((t) => t.dimensionId);
  const assessmentByClause = new Map(
    (options.assessments ?? []).filter((a) => a.partyId === party).map((a) => [a.clauseId, a]),
  );
  const scoreOf = (c: TCompareClauseInput): TPartyScore => {
    const a = assessmentByClause.get(c.id);
    return { clauseId: c.id, number: c.number, assessed: !!a, score: a?.score ?? null, status: a?.status ?? null };
  };
  const partyChange = (from: TCompareClauseInput[], to: TCompareClauseInput[]): TPartyChange | null =>
    party === null
      ? null
      : {
          partyId: party,
          dimensions: uniqueInOrder([...from, ...to].flatMap(touchedOf)),
          before: from.map(scoreOf),
          after: to.map(scoreOf),
        };

  const entries: (TCompareEntry & { rank: [number, number] })[] = [];
  const removed: TCompareUnmatched[] = [];
  const added: TCompareUnmatched[] = [];
  const grouped: TCompareLink[] = [];
  for (const link of links) {
    const from = link.fromClauseId === null ? undefined : fromById.get(link.fromClauseId);
    const to = link.toClauseId === null ? undefined : toById.get(link.toClauseId);
    if (from && to) {
      if (link.relation === "merged" || link.relation === "split") {
        grouped.push(link);
        continue;
      }
      // A stored pair marked removed or added contradicts itself; it reads as a modification.
      const relation = link.relation === "unchanged" || link.relation === "moved" ? link.relation : "modified";
      entries.push({
        relation,
        source: link.source,
        confidence: link.confidence,
        links: [link],
        from: [toSide(from, lang)],
        to: [toSide(to, lang)],
        diff: buildDiff([from], [to], lang),
        party: partyChange([from], [to]),
        rank: [from.ordinal, to.ordinal],
      });
    } else if (from) {
      removed.push({
        relation: "removed",
        link: { ...link, relation: "removed" },
        clause: toSide(from, lang),
        party: partyChange([from], []),
      });
    } else if (to) {
      added.push({
        relation: "added",
        link: { ...link, relation: "added" },
        clause: toSide(to, lang),
        party: partyChange([], [to]),
      });
    }
  }
  for (const group of groupLinks(grouped)) {
    const from = uniqueInOrder(group.map((l) => l.fromClauseId!))
      .map((id) => fromById.get(id)!)
      .sort((a, b) => a.ordinal - b.ordinal);
    const to = uniqueInOrder(group.map((l) => l.toClauseId!))
      .map((id) => toById.get(id)!)
      .sort((a, b) => a.ordinal - b.ordinal);
    entries.push({
      relation: from.length === 1 ? "split" : "merged",
      source: group.some((l) => l.source === "proposed") ? "proposed" : group[0].source,
      confidence: lowestConfidence(group),
      links: group,
      from: from.map((c) => toSide(c, lang)),
      to: to.map((c) => toSide(c, lang)),
      diff: buildDiff(from, to, lang),
      party: partyChange(from, to),
      rank: [from[0].ordinal, to[0].ordinal],
    });
  }
  entries.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1]);
  const byFromOrder = (a: TCompareUnmatched, b: TCompareUnmatched) =>
    (fromById.get(a.clause.id)?.ordinal ?? 0) - (fromById.get(b.clause.id)?.ordinal ?? 0);
  const byToOrder = (a: TCompareUnmatched, b: TCompareUnmatched) =>
    (toById.get(a.clause.id)?.ordinal ?? 0) - (toById.get(b.clause.id)?.ordinal ?? 0);
  removed.sort(byFromOrder);
  added.sort(byToOrder);

  const total = entries.length + removed.length + added.length;
  const keep = <T extends { party: TPartyChange | null }>(item: T) =>
    item.party === null || item.party.dimensions.length > 0;
  const pairs = entries.filter(keep).map(({ rank: _rank, ...entry }) => entry);
  const shownRemoved = removed.filter(keep);
  const shownAdded = added.filter(keep);
  return {
    pairs,
    removed: shownRemoved,
    added: shownAdded,
    summary: summarizeComparison(pairs, shownRemoved, shownAdded, total),
  };
}

export function summarizeComparison(
  pairs: readonly TCompareEntry[],
  removed: readonly TCompareUnmatched[],
  added: readonly TCompareUnmatched[],
  total: number,
): TCompareSummary {
  const counts = Object.fromEntries(ALIGNMENT_RELATIONS.map((r) => [r, 0])) as Record<TAlignmentRelation, number>;
  let proposed = 0;
  for (const p of pairs) {
    counts[p.relation] += 1;
    if (p.source === "proposed") proposed += 1;
  }
  for (const u of [...removed, ...added]) {
    counts[u.relation] += 1;
    if (u.link.source === "proposed") proposed += 1;
  }
  return { counts, proposed, shown: pairs.length + removed.length + added.length, total };
}

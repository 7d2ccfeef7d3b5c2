/**
 * Builds the clause × party matrix from plain rows: the one place where filters, search, sorting, grouping,
 * red-line marks, facet counts and the per-party overview are computed. The page, its JSON twin and the exports
 * all call this, so they cannot disagree.
 */
import {
  findCodedOnRelease,
  findNewEvidence,
  indexEvidenceCandidates,
  type TAppliedRelease,
  type TEvidenceCandidate,
  type TNewEvidence,
} from "../dataset/release-evidence";
import { toCellKey } from "../coding";
import { localize, type TLocalized } from "../localize";
import { buildRedLineIndex, summarizeRedLinesInIndex, type TRedLineCandidate } from "../red-lines";
import { getScoreLevel, type TScore, type TScoreLevel } from "../scale";
import type { TMatrixQuery, TScoreFilter } from "./query";

export type TMatrixClauseInput = {
  id: string;
  number: string;
  ordinal: number;
  heading: string;
  headingJa: string | null;
  text: string;
  textJa: string | null;
  topics: string[];
};

export type TMatrixAssessmentInput = {
  id: string;
  clauseId: string;
  partyId: string;
  score: number | null;
  confidence: string;
  /** Evidence positions with their dates, in the coder's order. */
  evidence: { positionId: string; date: string }[];
  /** When the assessment last changed: with `releases`, tells which release it was coded on. */
  codedAt?: Date;
  /** final (the default), or inherited: carried from an aligned clause of an earlier version, not yet reviewed. */
  status?: string;
};

export type TMatrixInput = {
  clauses: TMatrixClauseInput[];
  /** Every party, in dataset order. */
  parties: { id: string; name: string; nameJa: string | null }[];
  /** The codebook order of dimensions, for facets and groups. */
  dimensionOrder: string[];
  assessments: TMatrixAssessmentInput[];
  /** Red-line positions of every party (other kinds are ignored). */
  redLinePositions: TRedLineCandidate[];
  /** For "new evidence since a release" (left out: no cell is marked). The applied releases. */
  releases?: TAppliedRelease[];
  /** The kind of the coder whose assessments these are (reference, researcher, consensus). */
  coderKind?: string;
  /** Positions of any party that concern a clause of this document, or the whole document, with their release. */
  evidenceCandidates?: TEvidenceCandidate[];
  /** Blind coding: when given, only these cells (toCellKey) show the coder's assessment; the rest are "blind". */
  visibleCells?: ReadonlySet<string>;
};

export type TMatrixCell = {
  partyId: string;
  /** Null when this coder has not assessed the cell. */
  assessmentId: string | null;
  /** −2..2, or null for "no stated position"; undefined when not assessed. */
  score: TScore | undefined;
  /** The score's key (crosses, conflicts, mixed, consistent, fulfils, none), "unassessed", or "blind" (hidden
   * until the viewer codes the cell: whether it is assessed is not told either). */
  key: TScoreLevel["key"] | "unassessed" | "blind";
  /** The score's label in the query's language; empty when not assessed. */
  label: string;
  confidence: string | null;
  /** Evidence stated on or before the as-of date (all evidence without one). */
  evidenceIds: string[];
  /** Evidence the assessment cites that was stated after the as-of date. */
  laterEvidenceIds: string[];
  /**
   * Dimensions where the clause meets the party's red lines (as of the query's date), with how many red-line
   * positions stand on each; the positions themselves are in the cell's evidence panel (GET …/matrix/cell).
   */
  redLines: { dimensionId: string; positions: number }[];
  /** Positions that reached the dataset in a release after the cell was coded; null when none (or unassessed). */
  newEvidence: TNewEvidence | null;
  /** "inherited" when the assessment was carried from an earlier version and needs review; null when unassessed. */
  status: "final" | "inherited" | null;
};

export type TMatrixRow = {
  clauseId: string;
  number: string;
  ordinal: number;
  heading: string;
  headingJa: string | null;
  title: TLocalized;
  topics: string[];
  /** How many visible cells score below zero. */
  conflictLoad: number;
  cells: TMatrixCell[];
};

export type TScoreCountKey = TMatrixCell["key"];

export type TPartySummary = {
  partyId: string;
  counts: Record<TScoreCountKey, number>;
  /** Cells of this party that touch one of its red lines. */
  redLineCells: number;
};

export type TMatrix = {
  query: TMatrixQuery;
  parties: { id: string; name: TLocalized }[];
  totalClauses: number;
  rows: TMatrixRow[];
  /** With group=dimension: each dimension (codebook order) with its rows' clause ids; null otherwise. */
  groups: { dimensionId: string | null; clauseIds: string[] }[] | null;
  /** For each dimension, how many clauses would show if it were the filter (other filters applied). */
  dimensionFacets: { dimensionId: string; count: number }[];
  summary: TPartySummary[];
};

const SCORE_KEYS: TScoreCountKey[] = [
  "crosses",
  "conflicts",
  "mixed",
  "consistent",
  "fulfils",
  "none",
  "unassessed",
  "blind",
];

/** Lower-cased, width-folded text for search: "ＮＡＴＯ" finds "NATO". */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLocaleLowerCase("en");
}

function matchesSearch(clause: TMatrixClauseInput, terms: string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = normalizeForSearch(
    [clause.number, clause.heading, clause.headingJa ?? "", clause.text, clause.textJa ?? ""].join("\n"),
  );
  return terms.every((t) => haystack.includes(t));
}

function scoreMatches(cell: TMatrixCell, filters: TScoreFilter[]): boolean {
  if (cell.score === undefined) return false;
  return filters.some((f) => (f === "none" ? cell.score === null : cell.score === Number(f)));
}

export function buildMatrix(input: TMatrixInput, query: TMatrixQuery): TMatrix {
  const lang = query.lang;
  const visibleParties = input.parties.filter((p) => query.parties.includes(p.id));
  const assessmentByCell = new Map<string, TMatrixAssessmentInput>();
  for (const a of input.assessments) assessmentByCell.set(`${a.clauseId}\u0000${a.partyId}`, a);
  const terms = normalizeForSearch(query.q).split(/\s+/).filter(Boolean);
  const candidatesOf = indexEvidenceCandidates(input.evidenceCandidates ?? []);
  const releases = input.releases ?? [];
  const redLineIndex = buildRedLineIndex(input.redLinePositions, query.asOf);

  const buildRow = (clause: TMatrixClauseInput): TMatrixRow => {
    const cells = visibleParties.map((party): TMatrixCell => {
      const assessment = assessmentByCell.get(`${clause.id}\u0000${party.id}`);
      const redLines = summarizeRedLinesInIndex(redLineIndex, clause.topics, party.id);
      const blind = input.visibleCells !== undefined && !input.visibleCells.has(toCellKey(clause.id, party.id));
      if (!assessment || blind) {
        return {
          partyId: party.id,
          assessmentId: null,
          score: undefined,
          key: blind ? "blind" : "unassessed",
          label: "",
          confidence: null,
          evidenceIds: [],
          laterEvidenceIds: [],
          redLines,
          newEvidence: null,
          status: null,
        };
      }
      const level = getScoreLevel(assessment.score as TScore);
      const current = assessment.evidence.filter((e) => !query.asOf || e.date <= query.asOf);
      const later = assessment.evidence.filter((e) => query.asOf && e.date > query.asOf);
      return {
        partyId: party.id,
        assessmentId: assessment.id,
        status: assessment.status === "inherited" ? "inherited" : "final",
        score: assessment.score as TScore,
        key: level.key,
        label: lang === "ja" ? level.labelJa : level.label,
        confidence: assessment.confidence,
        evidenceIds: current.map((e) => e.positionId),
        laterEvidenceIds: later.map((e) => e.positionId),
        redLines,
        newEvidence: findNewEvidence({
          clauseId: clause.id,
          topics: clause.topics,
          partyId: party.id,
          codedOnReleaseId: findCodedOnRelease(releases, input.coderKind ?? "reference", assessment.codedAt ?? null),
          cited: assessment.evidence.map((e) => e.positionId),
          candidates: candidatesOf(clause.id),
          asOf: query.asOf,
        }),
      };
    });
    return {
      clauseId: clause.id,
      number: clause.number,
      ordinal: clause.ordinal,
      heading: clause.heading,
      headingJa: clause.headingJa,
      title: localize(lang, clause.heading, clause.headingJa),
      topics: clause.topics,
      conflictLoad: cells.filter((c) => typeof c.score === "number" && c.score < 0).length,
      cells,
    };
  };

  // Every filter but the dimension filter, so the dimension facets can count what each choice would show.
  const candidates = [...input.clauses]
    .sort((a, b) => a.ordinal - b.ordinal)
    .filter((clause) => matchesSearch(clause, terms))
    .map(buildRow)
    .filter((row) => query.scores.length === 0 || row.cells.some((c) => scoreMatches(c, query.scores)));

  const facetCounts = new Map<string, number>();
  for (const row of candidates) for (const t of new Set(row.topics)) facetCounts.set(t, (facetCounts.get(t) ?? 0) + 1);
  const dimensionFacets = input.dimensionOrder.map((dimensionId) => ({
    dimensionId,
    count: facetCounts.get(dimensionId) ?? 0,
  }));

  const rows = candidates.filter(
    (row) => query.dimensions.length === 0 || row.topics.some((t) => query.dimensions.includes(t)),
  );
  if (query.sort === "conflict") rows.sort((a, b) => b.conflictLoad - a.conflictLoad || a.ordinal - b.ordinal);

  let groups: TMatrix["groups"] = null;
  if (query.group === "dimension") {
    const byDimension = new Map<string | null, string[]>();
    for (const row of rows) {
      const keys = row.topics.length ? [...new Set(row.topics)] : [null];
      for (const key of keys) {
        if (query.dimensions.length && key !== null && !query.dimensions.includes(key)) continue;
        const list = byDimension.get(key);
        if (list) list.push(row.clauseId);
        else byDimension.set(key, [row.clauseId]);
      }
    }
    // Codebook order; dimensions missing from the codebook after it, clauses without topics last.
    const order = new Map(input.dimensionOrder.map((d, i) => [d, i]));
    const rank = (id: string | null) =>
      id === null ? input.dimensionOrder.length + 1 : (order.get(id) ?? input.dimensionOrder.length);
    groups = [...byDimension.entries()]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([dimensionId, clauseIds]) => ({ dimensionId, clauseIds }));
  }

  const summary = visibleParties.map((party, index): TPartySummary => {
    const counts = Object.fromEntries(SCORE_KEYS.map((k) => [k, 0])) as Record<TScoreCountKey, number>;
    let redLineCells = 0;
    for (const row of rows) {
      const cell = row.cells[index];
      counts[cell.key] += 1;
      if (cell.redLines.length) redLineCells += 1;
    }
    return { partyId: party.id, counts, redLineCells };
  });

  return {
    query,
    parties: visibleParties.map((p) => ({ id: p.id, name: localize(lang, p.name, p.nameJa) })),
    totalClauses: input.clauses.length,
    rows,
    groups,
    dimensionFacets,
    summary,
  };
}

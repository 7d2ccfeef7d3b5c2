import "server-only";
import {
  computeAlphaByGroup,
  computeKrippendorffAlpha,
  computePairwiseKappa,
  buildReliabilityData,
  findDisagreements,
  type TAgreementGrouping,
  type TAlphaMetric,
  type TAlphaResult,
  type TCodeValue,
  type TGroupedCodeRecord,
  type TKappaResult,
} from "@/lib/domain/agreement";
import { canSeeAllCodes, toCellKey } from "@/lib/domain/coding";
import { badParameter, notFound } from "@/lib/domain/errors";
import type { TActor } from "@/lib/domain/permissions";
import { findAgreementLabels, findResearcherCodes } from "@/lib/data/agreement.repository";

export const AGREEMENT_METRICS = ["nominal", "ordinal", "interval"] as const satisfies readonly TAlphaMetric[];
export const DEFAULT_AGREEMENT_METRICS: TAlphaMetric[] = ["nominal", "ordinal"];

export type TAlphaByMetric = Partial<Record<TAlphaMetric, TAlphaResult>>;

export type TGroupAgreement = { group: string; coders: number; alpha: TAlphaByMetric };

export type TPairAgreement = TKappaResult & {
  coderA: { id: string; name: string };
  coderB: { id: string; name: string };
};

export type TDisagreementItem = {
  documentId: string;
  clauseId: string;
  clauseNumber: string;
  partyId: string;
  /** Largest minus smallest score; null when fewer than two values are scores. */
  spread: number | null;
  values: { coder: { id: string; name: string }; value: TCodeValue }[];
  /** The clause's page, and the matrix narrowed to the party and the clause's number. */
  link: string;
  matrixLink: string;
};

/**
 * Who sees which disagreements (codes are blind): adjudicators and admins every one with each coder's value
 * ("all"); a researcher those on cells they coded themselves, where the blind rule shows them the others' codes
 * anyway ("own-cells"); anyone else none ("none"). `total` counts every disagreement whatever the visibility.
 */
export type TDisagreementVisibility = "all" | "own-cells" | "none";

export type TAgreementReport = {
  document: { id: string; title: string; titleJa: string | null; date: string } | null;
  metrics: TAlphaMetric[];
  /** Researcher coders with at least one code in scope, in order of first code. */
  coders: { id: string; name: string }[];
  /** Codes in scope, cells coded by anyone, and cells coded by at least two researchers. */
  counts: { codes: number; units: number; pairableUnits: number };
  overall: TAlphaByMetric;
  byParty: TGroupAgreement[];
  byDimension: TGroupAgreement[];
  /** Only across every document (no `document` given). */
  byDocument: TGroupAgreement[] | null;
  /** Cohen's kappa (nominal; "no stated position" a category) for each pair of coders. */
  pairs: TPairAgreement[];
  disagreements: { visibility: TDisagreementVisibility; total: number; items: TDisagreementItem[] };
  labels: {
    parties: { id: string; name: string; nameJa: string | null }[];
    dimensions: { id: string; label: string; labelJa: string | null }[];
    documents: { id: string; title: string; titleJa: string | null }[];
  };
};

/** `metric=nominal,ordinal` (the default), any of nominal, ordinal, interval; 400 naming `metric` otherwise. */
export function parseAgreementMetrics(value: string | null): TAlphaMetric[] {
  if (value === null || value.trim() === "") return DEFAULT_AGREEMENT_METRICS;
  const asked = value.split(",").map((v) => v.trim());
  for (const m of asked) {
    if (!(AGREEMENT_METRICS as readonly string[]).includes(m)) {
      throw badParameter("metric", `has an unknown value '${m}' (allowed: ${AGREEMENT_METRICS.join(", ")})`);
    }
  }
  return AGREEMENT_METRICS.filter((m) => asked.includes(m));
}

function byGroup(records: TGroupedCodeRecord[], by: TAgreementGrouping, metrics: TAlphaMetric[]): TGroupAgreement[] {
  const groups = new Map<string, TGroupAgreement>();
  for (const metric of metrics) {
    for (const g of computeAlphaByGroup(records, { metric, by })) {
      const entry = groups.get(g.group) ?? { group: g.group, coders: g.coders, alpha: {} };
      entry.alpha[metric] = g.result;
      groups.set(g.group, entry);
    }
  }
  return [...groups.values()];
}

/**
 * Inter-coder agreement among researchers (never the reference coding or the consensus) on one document, or on
 * every document: alpha overall and per party, dimension (and document), kappa per pair, and the disagreements
 * the viewer may see. A unit is a cell, one clause for one party; "no stated position" is a category for nominal
 * alpha and kappa, and left out of ordinal and interval alpha (see lib/domain/agreement.ts).
 */
export async function getAgreement(
  viewer: TActor,
  { documentId, metrics = DEFAULT_AGREEMENT_METRICS }: { documentId?: string; metrics?: TAlphaMetric[] },
): Promise<TAgreementReport> {
  const [labels, rows] = await Promise.all([findAgreementLabels(documentId), findResearcherCodes({ documentId })]);
  if (documentId && !labels.document) throw notFound("document", documentId);

  const records: TGroupedCodeRecord[] = rows.map((r) => ({
    unit: toCellKey(r.clauseId, r.partyId),
    coder: r.coderId,
    value: r.score,
    partyId: r.partyId,
    documentId: r.documentId,
    dimensionIds: r.topics,
  }));
  const coderNames = new Map(rows.map((r) => [r.coderId, r.coderName]));
  const coderRef = (id: string) => ({ id, name: coderNames.get(id) ?? id });
  const data = buildReliabilityData(records);

  const overall: TAlphaByMetric = {};
  for (const metric of metrics) overall[metric] = computeKrippendorffAlpha(data.units, { metric });

  const cellOf = new Map(rows.map((r) => [toCellKey(r.clauseId, r.partyId), r]));
  const viewerCells = new Set(
    rows.filter((r) => r.coderUserId === viewer.userId).map((r) => toCellKey(r.clauseId, r.partyId)),
  );
  const visibility: TDisagreementVisibility = canSeeAllCodes(viewer)
    ? "all"
    : viewerCells.size > 0
      ? "own-cells"
      : "none";
  const found = findDisagreements(records);
  const items = found
    .filter((d) => visibility === "all" || (visibility === "own-cells" && viewerCells.has(d.unit)))
    .map((d): TDisagreementItem => {
      const cell = cellOf.get(d.unit)!;
      const matrix = new URLSearchParams({ party: cell.partyId, q: cell.clauseNumber });
      return {
        documentId: cell.documentId,
        clauseId: cell.clauseId,
        clauseNumber: cell.clauseNumber,
        partyId: cell.partyId,
        spread: d.spread,
        values: d.values.map((v) => ({ coder: coderRef(v.coder), value: v.value })),
        link: `/clauses/${cell.documentId}/${encodeURIComponent(cell.clauseNumber)}`,
        matrixLink: `/documents/${cell.documentId}/matrix?${matrix}`,
      };
    });

  return {
    document: labels.document,
    metrics,
    coders: data.coderIds.map(coderRef),
    counts: {
      codes: rows.length,
      units: data.unitIds.length,
      pairableUnits: data.units.filter((u) => u.filter((v) => v !== undefined).length >= 2).length,
    },
    overall,
    byParty: byGroup(records, "party", metrics),
    byDimension: byGroup(records, "dimension", metrics),
    byDocument: documentId ? null : byGroup(records, "document", metrics),
    pairs: computePairwiseKappa(records).map(({ coderA, coderB, ...kappa }) => ({
      ...kappa,
      coderA: coderRef(coderA),
      coderB: coderRef(coderB),
    })),
    disagreements: { visibility, total: found.length, items },
    labels: { parties: labels.parties, dimensions: labels.dimensions, documents: labels.documents },
  };
}

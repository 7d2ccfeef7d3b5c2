import "server-only";
import { badParameter, notFound } from "@/lib/domain/errors";
import { toClauseId } from "@/lib/domain/ids";
import { localize, type TLang, type TLocalized } from "@/lib/domain/localize";
import { buildMatrix, type TMatrix } from "@/lib/domain/matrix/build";
import { parseMatrixQuery, type TParamSource } from "@/lib/domain/matrix/query";
import { findRedLinesTouched } from "@/lib/domain/red-lines";
import { getScoreLevel, type TScore } from "@/lib/domain/scale";
import { getCellAssessment } from "@/lib/data/clauses.repository";
import { getDb } from "@/lib/data/db";
import { findMatrixInput } from "@/lib/data/matrix.repository";
import { findPositionsByIds, type TPositionView } from "@/lib/data/positions.repository";

export type TMatrixView = TMatrix & {
  document: { id: string; title: string; titleJa: string | null; date: string };
  vocabulary: { dimensionIds: string[]; partyIds: string[] };
  coders: { id: string; name: string }[];
};

function readCoder(params: TParamSource): string {
  const raw = params instanceof URLSearchParams ? params.get("coder") : params.coder;
  return (Array.isArray(raw) ? raw[0] : raw) || "reference";
}

/**
 * The matrix of one document for the given URL parameters: what the page renders and the JSON twin returns.
 * `strict` refuses unknown parameters (the JSON twin); `lang` overrides the `lang` parameter (pages know theirs).
 */
export async function getMatrixView(
  documentId: string,
  params: TParamSource,
  { strict, lang }: { strict: boolean; lang?: TLang },
): Promise<TMatrixView> {
  const db = getDb();
  const coder = readCoder(params);
  const [document, input, coders] = await Promise.all([
    db.document.findUnique({ where: { id: documentId }, select: { id: true, title: true, titleJa: true, date: true } }),
    findMatrixInput(documentId, coder, db),
    db.coder.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
  ]);
  if (!document || !input) throw notFound("document", documentId);
  const vocabulary = { dimensionIds: input.dimensionOrder, partyIds: input.parties.map((p) => p.id) };
  const query = parseMatrixQuery(params, vocabulary, strict);
  if (lang) query.lang = lang;
  if (!coders.some((c) => c.id === query.coder)) throw badParameter("coder", `has an unknown value '${query.coder}'`);
  return { ...buildMatrix(input, query), document, vocabulary, coders };
}

export type TCellEvidence = {
  clause: { id: string; number: string; title: TLocalized };
  party: { id: string; name: TLocalized };
  asOf: string | null;
  assessment: {
    id: string;
    score: number | null;
    key: string;
    label: string;
    rationale: TLocalized;
    confidence: string;
    coder: { id: string; name: string; kind: string };
    evidence: TPositionView[];
    laterEvidence: TPositionView[];
  } | null;
  redLines: { dimensionId: string; positions: TPositionView[] }[];
};

/** The evidence panel of one cell: the assessment, every position behind it, every red line touched. */
export async function getCellEvidence(
  documentId: string,
  {
    clause: number,
    party: partyId,
    coder,
    asOf,
    lang,
  }: { clause: string; party: string; coder: string; asOf: string | null; lang: TLang },
): Promise<TCellEvidence> {
  const db = getDb();
  const clauseId = toClauseId(documentId, number);
  const [clause, party, assessment, redLinePositions] = await Promise.all([
    db.clause.findUnique({
      where: { id: clauseId },
      select: {
        id: true,
        number: true,
        heading: true,
        headingJa: true,
        topics: { select: { dimensionId: true }, orderBy: { ordinal: "asc" } },
      },
    }),
    db.party.findUnique({ where: { id: partyId }, select: { id: true, name: true, nameJa: true } }),
    getCellAssessment(clauseId, partyId, coder, db),
    db.position.findMany({
      where: { partyId, kind: "red-line" },
      select: { id: true, partyId: true, dimensionId: true, kind: true, date: true },
    }),
  ]);
  if (!clause) throw notFound("clause", clauseId);
  if (!party) throw notFound("party", partyId);
  const touched = findRedLinesTouched({
    topics: clause.topics.map((t) => t.dimensionId),
    partyId,
    positions: redLinePositions,
    asOf,
  });
  const evidenceIds =
    assessment?.evidence.filter((e) => !asOf || e.position.date <= asOf).map((e) => e.positionId) ?? [];
  const laterIds = assessment?.evidence.filter((e) => asOf && e.position.date > asOf).map((e) => e.positionId) ?? [];
  const positions = await findPositionsByIds(
    [...new Set([...evidenceIds, ...laterIds, ...touched.flatMap((t) => t.positionIds)])],
    db,
  );
  const byId = new Map(positions.map((p) => [p.id, p]));
  const pick = (ids: string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  const level = assessment ? getScoreLevel(assessment.score as TScore) : null;
  return {
    clause: { id: clause.id, number: clause.number, title: localize(lang, clause.heading, clause.headingJa) },
    party: { id: party.id, name: localize(lang, party.name, party.nameJa) },
    asOf,
    assessment:
      assessment && level
        ? {
            id: assessment.id,
            score: assessment.score,
            key: level.key,
            label: lang === "ja" ? level.labelJa : level.label,
            rationale: localize(lang, assessment.rationale, assessment.rationaleJa),
            confidence: assessment.confidence,
            coder: assessment.coder,
            evidence: pick(evidenceIds),
            laterEvidence: pick(laterIds),
          }
        : null,
    redLines: touched.map((t) => ({ dimensionId: t.dimensionId, positions: pick(t.positionIds) })),
  };
}

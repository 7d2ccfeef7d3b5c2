import "server-only";
import { findCodedOnRelease, findNewEvidence } from "@/lib/domain/dataset/release-evidence";
import { canListCoder } from "@/lib/domain/coding";
import { badParameter, notFound } from "@/lib/domain/errors";
import { toClauseId } from "@/lib/domain/ids";
import { localize, type TLang, type TLocalized } from "@/lib/domain/localize";
import { buildMatrix, type TMatrix, type TMatrixInput } from "@/lib/domain/matrix/build";
import { parseMatrixQuery, type TParamSource } from "@/lib/domain/matrix/query";
import type { TActor } from "@/lib/domain/permissions";
import { findRedLinesTouched } from "@/lib/domain/red-lines";
import { getScoreLevel, type TScore } from "@/lib/domain/scale";
import { getCellAssessment } from "@/lib/data/clauses.repository";
import { getDb, type Db } from "@/lib/data/db";
import { findCellReleaseInput, findMatrixInput } from "@/lib/data/matrix.repository";
import { findPositionsByIds, type TPositionView } from "@/lib/data/positions.repository";
import { canSeeCellOf, findVisibleCells } from "./coding";
import { currentDataVersion } from "./read-scope";
import { createVersionedCache } from "./versioned-cache";

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
 * `viewer` (null: anonymous) applies blind coding to a researcher's cells and to the list of coders.
 */
export async function getMatrixView(
  documentId: string,
  params: TParamSource,
  { strict, lang, viewer = null }: { strict: boolean; lang?: TLang; viewer?: TActor | null },
): Promise<TMatrixView> {
  const db = getDb();
  const coder = readCoder(params);
  // The version first, then the data: a write committed in between only makes the cached copy newer than its tag.
  const version = await currentDataVersion(db);
  const readsKey = `${documentId}\u0000${coder}`;
  const { document, input, allCoders } = await matrixReads.get(db, readsKey, version, () =>
    loadMatrixReads(db, documentId, coder),
  );
  if (!document || !input) throw notFound("document", documentId);
  const vocabulary = { dimensionIds: input.dimensionOrder, partyIds: input.parties.map((p) => p.id) };
  const query = parseMatrixQuery(params, vocabulary, strict);
  if (lang) query.lang = lang;
  const selected = allCoders.find((c) => c.id === query.coder);
  if (!selected) throw badParameter("coder", `has an unknown value '${query.coder}'`);
  const visibleCells = await findVisibleCells(viewer, documentId, selected);
  const coders = allCoders
    .filter((c) => c.id === query.coder || canListCoder(viewer, c.kind))
    .map((c) => ({ id: c.id, name: c.name }));
  const cells = input.clauses.length * input.parties.length;
  const matrix =
    visibleCells || cells > BUILD_CACHE_MAX_CELLS
      ? buildMatrix(visibleCells ? { ...input, visibleCells } : input, query)
      : await matrixBuilds.get(db, `${readsKey}\u0000${JSON.stringify(query)}`, version, async () =>
          buildMatrix(input, query),
        );
  return { ...matrix, document, vocabulary, coders };
}

type TMatrixReads = {
  document: TMatrixView["document"] | null;
  input: TMatrixInput | null;
  allCoders: { id: string; name: string; kind: string; userId: string | null }[];
};

/**
 * What the matrix of one document and coder reads from the database, kept per data version: on the reference data
 * these fourteen queries are most of a matrix request's cost, and they only change when the data does. A few
 * documents × coders at a time; a 10,000-clause input is tens of megabytes, hence the small bound.
 */
const matrixReads = createVersionedCache<TMatrixReads>({ maxEntries: 16 });

/**
 * Built views of the same reads, per query and version, for views every viewer sees alike (no blind coding in play).
 * Only for documents up to BUILD_CACHE_MAX_CELLS cells (a 1,000 × 12 view holds a few megabytes; past that its build
 * is small next to sending it), and at most 32 views: a bound of roughly 150 MB in the worst case.
 */
const matrixBuilds = createVersionedCache<TMatrix>({ maxEntries: 32 });
const BUILD_CACHE_MAX_CELLS = 20_000;

async function loadMatrixReads(db: Db, documentId: string, coder: string): Promise<TMatrixReads> {
  const [document, input, allCoders] = await Promise.all([
    db.document.findUnique({ where: { id: documentId }, select: { id: true, title: true, titleJa: true, date: true } }),
    findMatrixInput(documentId, coder, db),
    db.coder.findMany({ select: { id: true, name: true, kind: true, userId: true }, orderBy: { id: "asc" } }),
  ]);
  return { document, input, allCoders };
}

export type TCellEvidence = {
  clause: { id: string; number: string; title: TLocalized };
  party: { id: string; name: TLocalized };
  asOf: string | null;
  /** True when blind coding hides this coder's assessment from the viewer (`assessment` is then null). */
  blind: boolean;
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
    /** Positions that reached the dataset in a release after the cell was coded (see release-evidence.ts). */
    newEvidence: { releaseId: string; codedOnReleaseId: string; positions: TPositionView[] } | null;
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
    viewer = null,
  }: { clause: string; party: string; coder: string; asOf: string | null; lang: TLang; viewer?: TActor | null },
): Promise<TCellEvidence> {
  const db = getDb();
  const clauseId = toClauseId(documentId, number);
  const [clause, party, coderAssessment, redLinePositions, releaseInput, visible] = await Promise.all([
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
    findCellReleaseInput({ clauseId, documentId, partyId, coderId: coder }, db),
    canSeeCellOf(viewer, { coderId: coder, clauseId, partyId }),
  ]);
  if (!clause) throw notFound("clause", clauseId);
  if (!party) throw notFound("party", partyId);
  const assessment = visible ? coderAssessment : null;
  const touched = findRedLinesTouched({
    topics: clause.topics.map((t) => t.dimensionId),
    partyId,
    positions: redLinePositions,
    asOf,
  });
  const evidenceIds =
    assessment?.evidence.filter((e) => !asOf || e.position.date <= asOf).map((e) => e.positionId) ?? [];
  const laterIds = assessment?.evidence.filter((e) => asOf && e.position.date > asOf).map((e) => e.positionId) ?? [];
  const newEvidence = assessment
    ? findNewEvidence({
        clauseId,
        topics: clause.topics.map((t) => t.dimensionId),
        partyId,
        codedOnReleaseId: findCodedOnRelease(releaseInput.releases, releaseInput.coderKind, releaseInput.codedAt),
        cited: assessment.evidence.map((e) => e.positionId),
        candidates: releaseInput.candidates,
        asOf,
      })
    : null;
  const positions = await findPositionsByIds(
    [
      ...new Set([
        ...evidenceIds,
        ...laterIds,
        ...touched.flatMap((t) => t.positionIds),
        ...(newEvidence?.positionIds ?? []),
      ]),
    ],
    db,
  );
  const byId = new Map(positions.map((p) => [p.id, p]));
  const pick = (ids: string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  const level = assessment ? getScoreLevel(assessment.score as TScore) : null;
  return {
    clause: { id: clause.id, number: clause.number, title: localize(lang, clause.heading, clause.headingJa) },
    party: { id: party.id, name: localize(lang, party.name, party.nameJa) },
    asOf,
    blind: !visible,
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
            newEvidence: newEvidence
              ? {
                  releaseId: newEvidence.releaseId,
                  codedOnReleaseId: newEvidence.codedOnReleaseId,
                  positions: pick(newEvidence.positionIds),
                }
              : null,
          }
        : null,
    redLines: touched.map((t) => ({ dimensionId: t.dimensionId, positions: pick(t.positionIds) })),
  };
}

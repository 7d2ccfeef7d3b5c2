import "server-only";
import type { TCompareAssessmentInput, TCompareClauseInput, TStoredAlignmentInput } from "@/lib/domain/compare";
import type { TRedLineCandidate } from "@/lib/domain/red-lines";
import { toCitations, type TCitation } from "./citations";
import { clauseSummarySelect } from "./documents.repository";
import { getDb, type Db } from "./db";

export type TCompareDocument = {
  id: string;
  title: string;
  titleJa: string | null;
  date: string;
  completeness: string;
  sources: TCitation[];
  clauses: TCompareClauseInput[];
};

export type TCompareInput = {
  from: TCompareDocument;
  to: TCompareDocument;
  alignments: TStoredAlignmentInput[];
  /** Empty without a party. */
  redLinePositions: TRedLineCandidate[];
  /** The reference coding's assessments of both documents for the party; empty without a party. */
  assessments: TCompareAssessmentInput[];
};

const documentSelect = {
  id: true,
  title: true,
  titleJa: true,
  date: true,
  completeness: true,
  sources: {
    select: { note: true, source: { select: { outlet: true, url: true, date: true } } },
    orderBy: { ordinal: "asc" },
  },
  clauses: { select: { ...clauseSummarySelect, ordinal: true }, orderBy: { ordinal: "asc" } },
} as const;

async function getCompareDocument(id: string, db: Db): Promise<TCompareDocument | null> {
  const row = await db.document.findUnique({ where: { id }, select: documentSelect });
  if (!row) return null;
  return {
    ...row,
    sources: toCitations(row.sources),
    clauses: row.clauses.map(({ topics, sources, note: _note, noteJa: _noteJa, ...c }) => ({
      ...c,
      topics: topics.map((t) => t.dimensionId),
      sources: toCitations(sources),
    })),
  };
}

/**
 * Everything a comparison of two documents needs: both documents with their clauses (topics, sources), the
 * alignments stored between them in either direction, and, for a party, its red-line positions and the reference
 * coding's scores of both documents. Each list is one query filtered by document, never by a list of clause ids.
 * Null when either document does not exist (`missing` says which).
 */
export async function findCompareInput(
  fromId: string,
  toId: string,
  partyId: string | null,
  db: Db = getDb(),
): Promise<TCompareInput | { missing: string }> {
  const [from, to, alignments, redLinePositions, assessments] = await Promise.all([
    getCompareDocument(fromId, db),
    getCompareDocument(toId, db),
    db.alignment.findMany({
      where: {
        OR: [
          { fromDocumentId: fromId, toDocumentId: toId },
          { fromDocumentId: toId, toDocumentId: fromId },
        ],
      },
      select: {
        fromDocumentId: true,
        fromClauseId: true,
        toDocumentId: true,
        toClauseId: true,
        relation: true,
        note: true,
        noteJa: true,
        origin: true,
        confidence: true,
      },
      orderBy: [{ ordinal: "asc" }, { id: "asc" }],
    }),
    partyId === null
      ? Promise.resolve([])
      : db.position.findMany({
          where: { partyId, kind: "red-line" },
          select: { id: true, partyId: true, dimensionId: true, kind: true, date: true },
        }),
    partyId === null
      ? Promise.resolve([])
      : db.assessment.findMany({
          where: {
            partyId,
            coderId: "reference",
            OR: [{ clause: { documentId: fromId } }, { clause: { documentId: toId } }],
          },
          select: { clauseId: true, partyId: true, score: true, status: true },
        }),
  ]);
  if (!from) return { missing: fromId };
  if (!to) return { missing: toId };
  return { from, to, alignments, redLinePositions, assessments };
}

export type TDocumentChoice = { id: string; title: string; titleJa: string | null; date: string };

/** Every document, in dataset order, for the pickers. */
export async function findDocumentChoices(db: Db = getDb()): Promise<TDocumentChoice[]> {
  return db.document.findMany({
    select: { id: true, title: true, titleJa: true, date: true },
    orderBy: [{ ordinal: "asc" }, { id: "asc" }],
  });
}

export type TPartyChoice = { id: string; name: string; nameJa: string | null };

export async function findPartyChoices(db: Db = getDb()): Promise<TPartyChoice[]> {
  return db.party.findMany({ select: { id: true, name: true, nameJa: true }, orderBy: { ordinal: "asc" } });
}

import "server-only";
import type { TMatrixInput } from "@/lib/domain/matrix/build";
import { getDb, type Db } from "./db";

/**
 * Everything the matrix of one document needs, in a handful of queries and no per-row work: the raw rows that
 * lib/domain/matrix/build.ts turns into the view. Null when the document does not exist.
 */
export async function findMatrixInput(
  documentId: string,
  coderId: string,
  db: Db = getDb(),
): Promise<TMatrixInput | null> {
  const document = await db.document.findUnique({ where: { id: documentId }, select: { id: true } });
  if (!document) return null;
  const [clauses, parties, dimensions, assessments, redLinePositions] = await Promise.all([
    db.clause.findMany({
      where: { documentId },
      select: {
        id: true,
        number: true,
        ordinal: true,
        heading: true,
        headingJa: true,
        text: true,
        textJa: true,
        topics: { select: { dimensionId: true }, orderBy: { ordinal: "asc" } },
      },
      orderBy: { ordinal: "asc" },
    }),
    db.party.findMany({ select: { id: true, name: true, nameJa: true }, orderBy: { ordinal: "asc" } }),
    db.dimension.findMany({ select: { id: true }, orderBy: { ordinal: "asc" } }),
    db.assessment.findMany({
      where: { coderId, clause: { documentId } },
      select: {
        id: true,
        clauseId: true,
        partyId: true,
        score: true,
        confidence: true,
        evidence: { select: { positionId: true, position: { select: { date: true } } }, orderBy: { ordinal: "asc" } },
      },
    }),
    db.position.findMany({
      where: { kind: "red-line" },
      select: { id: true, partyId: true, dimensionId: true, kind: true, date: true },
    }),
  ]);
  return {
    clauses: clauses.map(({ topics, ...c }) => ({ ...c, topics: topics.map((t) => t.dimensionId) })),
    parties,
    dimensionOrder: dimensions.map((d) => d.id),
    assessments: assessments.map(({ evidence, ...a }) => ({
      ...a,
      evidence: evidence.map((e) => ({ positionId: e.positionId, date: e.position.date })),
    })),
    redLinePositions,
  };
}

/** Coders who have assessed at least one clause of the document, reference first. */
export async function findCodersOfDocument(
  documentId: string,
  db: Db = getDb(),
): Promise<{ id: string; name: string }[]> {
  const coders = await db.coder.findMany({
    where: { assessments: { some: { clause: { documentId } } } },
    select: { id: true, name: true, kind: true },
    orderBy: { id: "asc" },
  });
  return coders
    .sort((a, b) => Number(b.kind === "reference") - Number(a.kind === "reference") || a.id.localeCompare(b.id))
    .map(({ id, name }) => ({ id, name }));
}

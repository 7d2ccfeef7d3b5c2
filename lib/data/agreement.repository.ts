import "server-only";
import { getDb, type Db } from "./db";

/** Researchers' codes for agreement: one row per code, with what a unit is grouped by. */
export type TAgreementCodeRow = {
  clauseId: string;
  clauseNumber: string;
  documentId: string;
  partyId: string;
  coderId: string;
  coderName: string;
  coderUserId: string | null;
  score: number | null;
  topics: string[];
};

/**
 * Every researcher's code of one document (or of all documents), ordered by document, clause, party and coder so
 * that the statistics see units and coders in a stable order.
 */
export async function findResearcherCodes(
  { documentId }: { documentId?: string },
  db: Db = getDb(),
): Promise<TAgreementCodeRow[]> {
  const where = { coder: { kind: "researcher" }, ...(documentId ? { clause: { documentId } } : {}) };
  const [rows, topics] = await Promise.all([
    db.assessment.findMany({
      where,
      select: {
        clauseId: true,
        partyId: true,
        score: true,
        coder: { select: { id: true, name: true, userId: true } },
        clause: { select: { number: true, documentId: true } },
      },
      orderBy: [
        { clause: { document: { ordinal: "asc" } } },
        { clause: { ordinal: "asc" } },
        { party: { ordinal: "asc" } },
        { coderId: "asc" },
      ],
    }),
    db.clauseTopic.findMany({
      where: { clause: { assessments: { some: where } } },
      select: { clauseId: true, dimensionId: true },
      orderBy: [{ clauseId: "asc" }, { ordinal: "asc" }],
    }),
  ]);
  const topicsByClause = new Map<string, string[]>();
  for (const t of topics) {
    const list = topicsByClause.get(t.clauseId);
    if (list) list.push(t.dimensionId);
    else topicsByClause.set(t.clauseId, [t.dimensionId]);
  }
  return rows.map((r) => ({
    clauseId: r.clauseId,
    clauseNumber: r.clause.number,
    documentId: r.clause.documentId,
    partyId: r.partyId,
    coderId: r.coder.id,
    coderName: r.coder.name,
    coderUserId: r.coder.userId,
    score: r.score,
    topics: topicsByClause.get(r.clauseId) ?? [],
  }));
}

/** Names for an agreement report: the document (when one), every party and dimension in dataset order. */
export async function findAgreementLabels(
  documentId: string | undefined,
  db: Db = getDb(),
): Promise<{
  document: { id: string; title: string; titleJa: string | null; date: string } | null;
  documents: { id: string; title: string; titleJa: string | null }[];
  parties: { id: string; name: string; nameJa: string | null }[];
  dimensions: { id: string; label: string; labelJa: string | null }[];
}> {
  const [document, documents, parties, dimensions] = await Promise.all([
    documentId
      ? db.document.findUnique({
          where: { id: documentId },
          select: { id: true, title: true, titleJa: true, date: true },
        })
      : Promise.resolve(null),
    db.document.findMany({ select: { id: true, title: true, titleJa: true }, orderBy: { ordinal: "asc" } }),
    db.party.findMany({ select: { id: true, name: true, nameJa: true }, orderBy: { ordinal: "asc" } }),
    db.dimension.findMany({ select: { id: true, label: true, labelJa: true }, orderBy: { ordinal: "asc" } }),
  ]);
  return { document, documents, parties, dimensions };
}

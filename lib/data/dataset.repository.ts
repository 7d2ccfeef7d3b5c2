/**
 * Writes a whole dataset release in one transaction. Used by the seed and by restore; not server-only because
 * those run as scripts. The rows come from lib/domain/dataset (pure), so what is written is exactly what the
 * integrity tests check.
 */
import type { TDatasetRows } from "@/lib/domain/dataset/rows";
import type { Db } from "./db";

export type TReleaseMeta = {
  id: string;
  title: string;
  coverage: string | null;
  note: string | null;
  noteJa: string | null;
  appliedAt: Date;
};

export function countDatasetRows(rows: TDatasetRows): Record<string, number> {
  return {
    documents: rows.documents.length,
    clauses: rows.clauses.length,
    alignments: rows.alignments.length,
    parties: rows.parties.length,
    dimensions: rows.dimensions.length,
    positions: rows.positions.length,
    assessments: rows.assessments.length,
    sources: rows.sources.length,
  };
}

export async function isReleaseApplied(releaseId: string, db: Db): Promise<boolean> {
  return (await db.release.count({ where: { id: releaseId } })) > 0;
}

/** Inserts a base release into an empty database. Fails whole (and writes nothing) on any error. */
export async function insertBaseRelease(rows: TDatasetRows, meta: TReleaseMeta, db: Db): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.release.create({ data: { ...meta, counts: JSON.stringify(countDatasetRows(rows)) } });
      await tx.dimension.createMany({ data: rows.dimensions });
      await tx.party.createMany({ data: rows.parties });
      await tx.source.createMany({ data: rows.sources });
      await tx.document.createMany({ data: rows.documents });
      await tx.documentSource.createMany({ data: rows.documentSources });
      await tx.clause.createMany({ data: rows.clauses });
      await tx.clauseTopic.createMany({ data: rows.clauseTopics });
      await tx.clauseSource.createMany({ data: rows.clauseSources });
      await tx.alignment.createMany({ data: rows.alignments });
      await tx.position.createMany({ data: rows.positions });
      await tx.positionClause.createMany({ data: rows.positionClauses });
      await tx.positionDocument.createMany({ data: rows.positionDocuments });
      await tx.positionSource.createMany({ data: rows.positionSources });
      await tx.coder.createMany({ data: rows.coders });
      await tx.assessment.createMany({ data: rows.assessments });
      await tx.assessmentEvidence.createMany({ data: rows.assessmentEvidence });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

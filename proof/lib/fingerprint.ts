/**
 * What "the database did not change" means for the proofs: the number of rows of every table, the sum of the
 * version counters of editable rows, and the data version (which any write to the research data or the settings
 * moves, whichever route made it). Cheap enough to take before and after every batch of bad inputs.
 */
import { readDataVersion } from "@/lib/data/data-version";
import type { Db } from "@/lib/data/db";

export type TFingerprint = Record<string, number>;

export async function takeFingerprint(db: Db): Promise<TFingerprint> {
  const [documents, clauses, positions, assessments, annotations, audit, alignments, users, tokens, versions, data] =
    await Promise.all([
      db.document.count(),
      db.clause.count(),
      db.position.count(),
      db.assessment.count(),
      db.annotation.count(),
      db.auditEvent.count(),
      db.alignment.count(),
      db.user.count(),
      db.apiToken.count(),
      Promise.all([
        db.assessment.aggregate({ _sum: { version: true } }),
        db.annotation.aggregate({ _sum: { version: true } }),
        db.clause.aggregate({ _sum: { version: true } }),
      ]),
      readDataVersion(db),
    ]);
  return {
    documents,
    clauses,
    positions,
    assessments,
    annotations,
    audit,
    alignments,
    users,
    tokens,
    assessmentVersions: versions[0]._sum.version ?? 0,
    annotationVersions: versions[1]._sum.version ?? 0,
    clauseVersions: versions[2]._sum.version ?? 0,
    dataVersion: Number(data),
  };
}

export function diffFingerprints(before: TFingerprint, after: TFingerprint): string[] {
  return Object.keys(before)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${before[k]} → ${after[k]}`);
}

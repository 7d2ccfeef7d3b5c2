import "server-only";
import crypto from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import type { TImportBase, TImportPlan } from "@/lib/domain/import/plan-import";
import { getDb, type Db } from "./db";

/**
 * The base document of an import as the planner needs it: clauses with topics, and the assessments of the given
 * coder kinds with their evidence. Each list is one query filtered by document (no lists of ids). Null when the
 * document does not exist.
 */
export async function findImportBase(
  documentId: string,
  coderKinds: readonly string[],
  db: Db = getDb(),
): Promise<TImportBase | null> {
  const [document, clauses, topics, assessments, evidence] = await Promise.all([
    db.document.findUnique({ where: { id: documentId }, select: { id: true } }),
    db.clause.findMany({
      where: { documentId },
      select: { id: true, number: true, ordinal: true, heading: true, headingJa: true, text: true, textJa: true },
      orderBy: { ordinal: "asc" },
    }),
    db.clauseTopic.findMany({
      where: { clause: { documentId } },
      select: { clauseId: true, dimensionId: true },
      orderBy: [{ clauseId: "asc" }, { ordinal: "asc" }],
    }),
    db.assessment.findMany({
      where: { clause: { documentId }, coder: { kind: { in: [...coderKinds] } } },
      select: {
        id: true,
        clauseId: true,
        partyId: true,
        coderId: true,
        score: true,
        rationale: true,
        rationaleJa: true,
        confidence: true,
        coder: { select: { kind: true } },
      },
      orderBy: { id: "asc" },
    }),
    db.assessmentEvidence.findMany({
      where: { assessment: { clause: { documentId }, coder: { kind: { in: [...coderKinds] } } } },
      select: { assessmentId: true, positionId: true },
      orderBy: [{ assessmentId: "asc" }, { ordinal: "asc" }],
    }),
  ]);
  if (!document) return null;
  const topicsByClause = new Map<string, string[]>();
  for (const t of topics) topicsByClause.set(t.clauseId, [...(topicsByClause.get(t.clauseId) ?? []), t.dimensionId]);
  const evidenceByAssessment = new Map<string, string[]>();
  for (const e of evidence) {
    const list = evidenceByAssessment.get(e.assessmentId);
    if (list) list.push(e.positionId);
    else evidenceByAssessment.set(e.assessmentId, [e.positionId]);
  }
  return {
    id: document.id,
    clauses: clauses.map((c) => ({ ...c, topics: topicsByClause.get(c.id) ?? [] })),
    assessments: assessments.map(({ coder, ...a }) => ({
      ...a,
      coderKind: coder.kind,
      evidence: evidenceByAssessment.get(a.id) ?? [],
    })),
  };
}

/** Whether a document with this id exists. */
export async function documentExists(id: string, db: Db = getDb()): Promise<boolean> {
  return (await db.document.count({ where: { id } })) > 0;
}

/** Who saved the import, for the audit trail: an account, or null for an operator at the command line. */
export type TImportAuditActor = { actorId: string | null; action: string };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Writes a planned import in one transaction: the document (numbered after the existing ones, in the newest
 * release), its sources, clauses with their citations and carried topics, the confirmed alignments, the inherited
 * assessments with their evidence, and one audit event. Any failure writes nothing. CONFLICT when the document id
 * is taken (checked first, and again by the primary key should two imports race); NOT_FOUND when the base
 * document disappeared since planning.
 */
export async function saveImportedDocument(
  plan: TImportPlan,
  actor: TImportAuditActor,
  now: Date,
  db: Db = getDb(),
): Promise<{ documentId: string }> {
  const conflict = () =>
    new AppError(
      "CONFLICT",
      `A document with id '${plan.documentId}' exists: give this version a different title or date`,
      { "provenance.title": ["A document with this title and date exists"] },
    );
  try {
    await db.$transaction(
      async (tx) => {
        const [existing, base, release, lastDocument, lastAlignment, knownSources] = await Promise.all([
          tx.document.count({ where: { id: plan.documentId } }),
          tx.document.count({ where: { id: plan.baseDocumentId } }),
          tx.release.findFirst({ select: { id: true }, orderBy: { id: "desc" } }),
          tx.document.aggregate({ _max: { ordinal: true } }),
          tx.alignment.aggregate({ _max: { ordinal: true } }),
          tx.source.findMany({ where: { id: { in: plan.sources.map((s) => s.id) } }, select: { id: true } }),
        ]);
        if (existing > 0) throw conflict();
        if (base === 0) throw new AppError("NOT_FOUND", `No document with id '${plan.baseDocumentId}'`);
        if (!release) throw new AppError("INTERNAL", "No dataset release is applied to this database");
        const known = new Set(knownSources.map((s) => s.id));
        const firstAlignment = (lastAlignment._max.ordinal ?? -1) + 1;

        await tx.source.createMany({ data: plan.sources.filter((s) => !known.has(s.id)) });
        await tx.document.create({
          data: { ...plan.document, ordinal: (lastDocument._max.ordinal ?? -1) + 1, releaseId: release.id },
        });
        await tx.documentSource.createMany({ data: plan.documentSources });
        await tx.clause.createMany({ data: plan.clauses });
        await tx.clauseSource.createMany({ data: plan.clauseSources });
        await tx.clauseTopic.createMany({ data: plan.clauseTopics });
        await tx.alignment.createMany({
          data: plan.alignments.map((a, k) => ({ ...a, ordinal: firstAlignment + k })),
        });
        await tx.assessment.createMany({
          data: plan.assessments.map((a) => ({ ...a, createdAt: now, updatedAt: now })),
        });
        await tx.assessmentEvidence.createMany({ data: plan.assessmentEvidence });
        await tx.auditEvent.create({
          data: {
            id: crypto.randomUUID(),
            at: now,
            actorId: actor.actorId,
            action: actor.action,
            entityType: "document",
            entityId: plan.documentId,
            before: null,
            after: JSON.stringify(plan.summary),
          },
        });
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
  return { documentId: plan.documentId };
}

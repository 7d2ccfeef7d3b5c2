import "server-only";
import { getDb, type Db, type DbTransaction } from "./db";
import { positionSelect, toPositionView, type TPositionView } from "./positions.repository";

/** One assessment as coding sees it: whose it is (with the account behind a researcher's coder) and its version. */
export type TCodeRow = {
  id: string;
  clauseId: string;
  partyId: string;
  coder: { id: string; name: string; kind: string; userId: string | null };
  score: number | null;
  rationale: string;
  confidence: string;
  status: string;
  version: number;
  updatedAt: Date;
  /** Evidence position ids in the coder's order. */
  evidence: string[];
};

const codeSelect = {
  id: true,
  clauseId: true,
  partyId: true,
  coder: { select: { id: true, name: true, kind: true, userId: true } },
  score: true,
  rationale: true,
  confidence: true,
  status: true,
  version: true,
  updatedAt: true,
  evidence: { select: { positionId: true }, orderBy: { ordinal: "asc" } },
} as const;

type TCodeRecord = Omit<TCodeRow, "evidence"> & { evidence: { positionId: string }[] };

function toCodeRow(record: TCodeRecord): TCodeRow {
  return { ...record, evidence: record.evidence.map((e) => e.positionId) };
}

type TReader = Db | DbTransaction;

export async function getCode(
  { clauseId, partyId, coderId }: { clauseId: string; partyId: string; coderId: string },
  db: TReader = getDb(),
): Promise<TCodeRow | null> {
  const record = await db.assessment.findUnique({
    where: { clauseId_partyId_coderId: { clauseId, partyId, coderId } },
    select: codeSelect,
  });
  return record ? toCodeRow(record) : null;
}

/** Every coder's assessment of one cell (reference, researchers, consensus), coders by id. */
export async function findCellCodes(clauseId: string, partyId: string, db: Db = getDb()): Promise<TCodeRow[]> {
  const records = await db.assessment.findMany({
    where: { clauseId, partyId },
    select: codeSelect,
    orderBy: { coderId: "asc" },
  });
  return records.map(toCodeRow);
}

/** Researchers' and consensus assessments of a document, optionally of one clause and/or one party. */
export async function findDocumentCodes(
  { documentId, clauseId, partyId }: { documentId: string; clauseId?: string; partyId?: string },
  db: Db = getDb(),
): Promise<TCodeRow[]> {
  const records = await db.assessment.findMany({
    where: {
      clause: { documentId },
      ...(clauseId ? { clauseId } : {}),
      ...(partyId ? { partyId } : {}),
      coder: { kind: { in: ["researcher", "consensus"] } },
    },
    select: codeSelect,
    orderBy: [{ clause: { ordinal: "asc" } }, { party: { ordinal: "asc" } }, { coderId: "asc" }],
  });
  return records.map(toCodeRow);
}

/** The cells of a document that an account has coded (through its researcher coder). */
export async function findCodedCells(
  userId: string,
  documentId: string,
  db: Db = getDb(),
): Promise<{ clauseId: string; partyId: string }[]> {
  return db.assessment.findMany({
    where: { coder: { userId }, clause: { documentId } },
    select: { clauseId: true, partyId: true },
  });
}

export async function hasCodedCell(
  userId: string,
  clauseId: string,
  partyId: string,
  db: Db = getDb(),
): Promise<boolean> {
  return (await db.assessment.count({ where: { coder: { userId }, clauseId, partyId } })) > 0;
}

export async function getCoder(
  coderId: string,
  db: Db = getDb(),
): Promise<{ id: string; name: string; kind: string; userId: string | null } | null> {
  return db.coder.findUnique({ where: { id: coderId }, select: { id: true, name: true, kind: true, userId: true } });
}

/** What a code refers to, for validation: the clause (with its topics), the party, and the cited positions. */
export async function findCodeTargets(
  { clauseId, partyId, positionIds }: { clauseId: string; partyId: string; positionIds: string[] },
  db: Db = getDb(),
): Promise<{
  clause: { id: string; documentId: string; topics: string[] } | null;
  partyExists: boolean;
  positions: { id: string; partyId: string }[];
}> {
  const [clause, party, positions] = await Promise.all([
    db.clause.findUnique({
      where: { id: clauseId },
      select: { id: true, documentId: true, topics: { select: { dimensionId: true }, orderBy: { ordinal: "asc" } } },
    }),
    db.party.findUnique({ where: { id: partyId }, select: { id: true } }),
    positionIds.length
      ? db.position.findMany({ where: { id: { in: positionIds } }, select: { id: true, partyId: true } })
      : Promise.resolve([]),
  ]);
  return {
    clause: clause
      ? { id: clause.id, documentId: clause.documentId, topics: clause.topics.map((t) => t.dimensionId) }
      : null,
    partyExists: party !== null,
    positions,
  };
}

/**
 * The positions a coder may cite for a cell: the party's positions that name the clause or its document, then
 * the party's other positions on the clause's topics; newest first within each.
 */
export async function findCellPositionOptions(
  {
    clauseId,
    documentId,
    partyId,
    topics,
  }: { clauseId: string; documentId: string; partyId: string; topics: string[] },
  db: Db = getDb(),
): Promise<{ concerning: TPositionView[]; onTopics: TPositionView[] }> {
  const [concerning, onTopics] = await Promise.all([
    db.position.findMany({
      where: { partyId, OR: [{ clauses: { some: { clauseId } } }, { documents: { some: { documentId } } }] },
      select: positionSelect,
      orderBy: [{ date: "desc" }, { id: "asc" }],
    }),
    topics.length
      ? db.position.findMany({
          where: {
            partyId,
            dimensionId: { in: topics },
            clauses: { none: { clauseId } },
            documents: { none: { documentId } },
          },
          select: positionSelect,
          orderBy: [{ date: "desc" }, { id: "asc" }],
        })
      : Promise.resolve([]),
  ]);
  return { concerning: concerning.map(toPositionView), onTopics: onTopics.map(toPositionView) };
}

/** The coder row of an account or the consensus, made on first use. */
export async function ensureCoder(
  tx: DbTransaction,
  coder: { id: string; name: string; kind: "researcher" | "consensus"; userId: string | null },
): Promise<void> {
  await tx.coder.upsert({
    where: { id: coder.id },
    create: { id: coder.id, name: coder.name, kind: coder.kind, userId: coder.userId },
    update: {},
  });
}

export type TCodeWrite = {
  score: number | null;
  rationale: string;
  confidence: string;
  evidence: string[];
};

async function writeEvidence(tx: DbTransaction, assessmentId: string, evidence: string[]): Promise<void> {
  await tx.assessmentEvidence.deleteMany({ where: { assessmentId } });
  if (evidence.length) {
    await tx.assessmentEvidence.createMany({
      data: evidence.map((positionId, ordinal) => ({ assessmentId, positionId, ordinal })),
    });
  }
}

export async function createCode(
  tx: DbTransaction,
  row: { id: string; clauseId: string; partyId: string; coderId: string } & TCodeWrite,
): Promise<void> {
  const { evidence, ...data } = row;
  await tx.assessment.create({ data: { ...data, status: "final", version: 1 } });
  await writeEvidence(tx, row.id, evidence);
}

/**
 * Changes a code only if it is still at `version` (optimistic concurrency); returns false, writing nothing, when
 * someone changed it in the meantime.
 */
export async function updateCodeAtVersion(
  tx: DbTransaction,
  { id, version, ...code }: { id: string; version: number } & TCodeWrite,
): Promise<boolean> {
  const { evidence, ...data } = code;
  const { count } = await tx.assessment.updateMany({
    where: { id, version },
    data: { ...data, status: "final", version: version + 1 },
  });
  if (count === 0) return false;
  await writeEvidence(tx, id, evidence);
  return true;
}

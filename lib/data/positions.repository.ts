import "server-only";
import { getDb, type Db } from "./db";
import { citationSelect, toCitations, type TCitation } from "./citations";
import { positionFieldsSelect, type TPositionFields } from "./position-fields";

export type TPositionView = TPositionFields & { clauses: string[]; documents: string[]; sources: TCitation[] };

export const positionSelect = {
  ...positionFieldsSelect,
  clauses: { select: { clauseId: true }, orderBy: { ordinal: "asc" } },
  documents: { select: { documentId: true }, orderBy: { ordinal: "asc" } },
  sources: citationSelect,
} as const;

type TPositionRecord = TPositionFields & {
  clauses: { clauseId: string }[];
  documents: { documentId: string }[];
  sources: { note: string | null; source: { outlet: string; url: string; date: string | null } }[];
};

export function toPositionView(p: TPositionRecord): TPositionView {
  return {
    ...p,
    clauses: p.clauses.map((c) => c.clauseId),
    documents: p.documents.map((d) => d.documentId),
    sources: toCitations(p.sources),
  };
}

/** Positions of one party, newest first (ties by id, so the order is stable). */
export async function findPositionsOfParty(partyId: string, db: Db = getDb()): Promise<TPositionView[]> {
  const rows = await db.position.findMany({
    where: { partyId },
    select: positionSelect,
    orderBy: [{ date: "desc" }, { id: "asc" }],
  });
  return rows.map(toPositionView);
}

/** Positions that name a clause, or its whole document, newest first. */
export async function findPositionsConcerningClause(
  clauseId: string,
  documentId: string,
  db: Db = getDb(),
): Promise<TPositionView[]> {
  const rows = await db.position.findMany({
    where: { OR: [{ clauses: { some: { clauseId } } }, { documents: { some: { documentId } } }] },
    select: positionSelect,
    orderBy: [{ date: "desc" }, { id: "asc" }],
  });
  return rows.map(toPositionView);
}

/** The facts red-line detection needs about every red-line position (small: one row per statement). */
export async function findRedLinePositions(
  db: Db = getDb(),
): Promise<{ id: string; partyId: string; dimensionId: string; kind: string; date: string }[]> {
  return db.position.findMany({
    where: { kind: "red-line" },
    select: { id: true, partyId: true, dimensionId: true, kind: true, date: true },
    orderBy: [{ date: "asc" }, { id: "asc" }],
  });
}

/** Positions by id, in the order of `ids` (unknown ids are left out). */
export async function findPositionsByIds(ids: readonly string[], db: Db = getDb()): Promise<TPositionView[]> {
  if (ids.length === 0) return [];
  const rows = await db.position.findMany({ where: { id: { in: [...ids] } }, select: positionSelect });
  const byId = new Map(rows.map((r) => [r.id, toPositionView(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

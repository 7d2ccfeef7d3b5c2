import "server-only";
import { getDb, type Db } from "./db";
import { findPositionsOfParty, type TPositionView } from "./positions.repository";

export type TPartySummary = {
  id: string;
  name: string;
  nameJa: string | null;
  kind: string;
  note: string | null;
  noteJa: string | null;
  positionCount: number;
};

export type TPartyDetail = TPartySummary & { positions: TPositionView[] };

const partySelect = {
  id: true,
  name: true,
  nameJa: true,
  kind: true,
  note: true,
  noteJa: true,
  _count: { select: { positions: true } },
} as const;

function toPartySummary({
  _count,
  ...party
}: Omit<TPartySummary, "positionCount"> & { _count: { positions: number } }) {
  return { ...party, positionCount: _count.positions };
}

export async function findParties(db: Db = getDb()): Promise<TPartySummary[]> {
  const rows = await db.party.findMany({ select: partySelect, orderBy: { ordinal: "asc" } });
  return rows.map(toPartySummary);
}

/** One party with all its positions, newest first, or null. */
export async function getParty(id: string, db: Db = getDb()): Promise<TPartyDetail | null> {
  const row = await db.party.findUnique({ where: { id }, select: partySelect });
  if (!row) return null;
  return { ...toPartySummary(row), positions: await findPositionsOfParty(id, db) };
}

import "server-only";
import { getDb, type Db } from "./db";

export async function countUsers(db: Db = getDb()): Promise<number> {
  return db.user.count();
}

export async function findMembers(db: Db = getDb()) {
  return db.user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      apiTokens: {
        select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * One project setting. Raw SQL because every GET reads the reading gate through it: a typed findUnique costs about
 * three times as much as this single-row select (bench/matrix.ts measures the whole route).
 */
export async function getSetting(key: string, db: Db = getDb()): Promise<string | null> {
  const rows = await db.$queryRaw<{ value: string }[]>`SELECT "value" FROM "Setting" WHERE "key" = ${key}`;
  return rows[0]?.value ?? null;
}

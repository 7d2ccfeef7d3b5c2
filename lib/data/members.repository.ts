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

export async function getSetting(key: string, db: Db = getDb()): Promise<string | null> {
  return (await db.setting.findUnique({ where: { key }, select: { value: true } }))?.value ?? null;
}

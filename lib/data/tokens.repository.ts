import "server-only";
import { getDb, type Db } from "./db";

/** The account behind an unrevoked API token hash, with its role; marks the token used. */
export async function findUserByTokenHash(tokenHash: string, now: Date, db: Db = getDb()) {
  const token = await db.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, revokedAt: true, user: { select: { id: true, name: true, email: true, role: true } } },
  });
  if (!token || token.revokedAt) return null;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  return token.user;
}

export async function findUserForSession(userId: string, db: Db = getDb()) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true } });
}

/**
 * Test accounts: one user per role with a personal API token, written straight into the test database (what an
 * admin would create), so route tests can send `Authorization: Bearer <token>`.
 */
import crypto from "node:crypto";
import type { Db } from "@/lib/data/db";
import { ROLES, type TRole } from "@/lib/domain/permissions";

export type TTestActor = { userId: string; role: TRole; token: string; headers: Record<string, string> };

export async function createTestActor(db: Db, role: TRole, name = `${role} tester`): Promise<TTestActor> {
  const userId = `user-${role}-${crypto.randomBytes(4).toString("hex")}`;
  const token = `rl_${crypto.randomBytes(32).toString("base64url")}`;
  await db.user.create({ data: { id: userId, name, email: `${userId}@example.org`, role } });
  await db.apiToken.create({
    data: {
      id: `token-${userId}`,
      userId,
      name: "tests",
      tokenHash: crypto.createHash("sha256").update(token).digest("hex"),
    },
  });
  return { userId, role, token, headers: { authorization: `Bearer ${token}` } };
}

/** One actor per role, keyed by role. */
export async function createTestActors(db: Db): Promise<Record<TRole, TTestActor>> {
  const entries = await Promise.all(ROLES.map(async (role) => [role, await createTestActor(db, role)] as const));
  return Object.fromEntries(entries) as Record<TRole, TTestActor>;
}

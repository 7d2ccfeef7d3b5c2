/** Accounts for the proof runs, written straight into the database with API tokens (as an admin would issue). */
import crypto from "node:crypto";
import type { Db } from "@/lib/data/db";

export type TProofAccount = { userId: string; token: string };

export async function createProofAccounts(
  db: Db,
  role: string,
  count: number,
  prefix: string,
): Promise<TProofAccount[]> {
  const accounts: TProofAccount[] = [];
  for (let i = 0; i < count; i++) {
    const userId = `${prefix}-${role}-${i + 1}-${crypto.randomBytes(3).toString("hex")}`;
    const token = `rl_${crypto.randomBytes(32).toString("base64url")}`;
    await db.user.create({
      data: { id: userId, name: `Proof ${role} ${i + 1}`, email: `${userId}@proof.invalid`, role },
    });
    await db.apiToken.create({
      data: {
        id: `token-${userId}`,
        userId,
        name: "proof",
        tokenHash: crypto.createHash("sha256").update(token).digest("hex"),
      },
    });
    accounts.push({ userId, token });
  }
  return accounts;
}

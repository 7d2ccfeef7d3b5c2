import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { ROLES, type TActor, type TRole } from "@/lib/domain/permissions";
import { getDb } from "@/lib/data/db";
import { recordAudit } from "@/lib/data/audit.repository";
import { countUsers } from "@/lib/data/members.repository";
import { READING_SETTING } from "./reading-gate";
import { getAuth } from "./auth";
import { assertCan, createApiToken } from "./authz";

export const ZNewAccount = z.object({
  name: z.string().trim().min(1, "Enter a name").max(120),
  email: z.email("Enter a valid email address").max(254),
  password: z.string().min(10, "Use at least 10 characters").max(128),
});
export const ZNewMember = ZNewAccount.extend({ role: z.enum(ROLES) });

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  throw new AppError("BAD_REQUEST", "Some fields need attention", fieldErrors);
}

/** `auditActorId`: who the audit trail names; "self" for the first admin, null for the command line. */
async function createAccount(
  input: { name: string; email: string; password: string },
  role: TRole,
  auditActorId: string | null | "self",
) {
  const db = getDb();
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "An account with this email exists", {
      email: ["An account with this email exists"],
    });
  }
  // better-auth writes the user and its hashed password through its own adapter; the role and the audit event
  // follow in one transaction, and if that fails the new account is removed again, so nothing half-made remains.
  const result = await getAuth().api.signUpEmail({
    body: { name: input.name, email: input.email, password: input.password },
  });
  const userId = result.user.id;
  try {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { role } });
      await recordAudit(tx, {
        actorId: auditActorId === "self" ? userId : auditActorId,
        action: "member:create",
        entityType: "user",
        entityId: userId,
        before: null,
        after: { name: input.name, email: input.email, role },
        at: new Date(),
      });
    });
  } catch (error) {
    await db.user.delete({ where: { id: userId } }).catch(() => undefined);
    throw error;
  }
  return userId;
}

/** True until the first account exists: the one-time setup page is open only then. */
export async function isSetupOpen(): Promise<boolean> {
  return (await countUsers()) === 0;
}

/** The first account on an empty database becomes admin; afterwards setup is closed (403). */
export async function createFirstAdmin(input: unknown): Promise<string> {
  const data = parse(ZNewAccount, input);
  if (!(await isSetupOpen())) throw new AppError("FORBIDDEN", "Setup is done: ask an admin for an account");
  return createAccount(data, "admin", "self");
}

/** The command line's way in (scripts/create-account.ts): an operator of the server, outside any account. */
export async function createMemberAsOperator(input: unknown): Promise<string> {
  const data = parse(ZNewMember, input);
  return createAccount(data, data.role, null);
}

export async function createMember(actor: TActor, input: unknown): Promise<string> {
  assertCan(actor, "member:manage");
  const data = parse(ZNewMember, input);
  return createAccount(data, data.role, actor.userId);
}

export async function changeRole(actor: TActor, userId: string, role: unknown): Promise<void> {
  assertCan(actor, "member:manage");
  const newRole = parse(z.enum(ROLES), role);
  if (userId === actor.userId && newRole !== "admin")
    throw new AppError("BAD_REQUEST", "You cannot remove your own admin role");
  const db = getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new AppError("NOT_FOUND", `No account with id '${userId}'`);
    await tx.user.update({ where: { id: userId }, data: { role: newRole } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "member:role",
      entityType: "user",
      entityId: userId,
      before,
      after: { role: newRole },
      at: new Date(),
    });
  });
}

/** Issues a personal API token; the token itself is shown once and never stored. */
export async function issueApiToken(actor: TActor, userId: string, name: unknown): Promise<string> {
  assertCan(actor, "token:issue");
  const tokenName = parse(z.string().trim().min(1, "Name the token").max(80), name);
  const { token, tokenHash } = createApiToken();
  const db = getDb();
  await db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", `No account with id '${userId}'`);
    }
    const id = crypto.randomUUID();
    await tx.apiToken.create({ data: { id, userId, name: tokenName, tokenHash } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "token:issue",
      entityType: "api-token",
      entityId: id,
      before: null,
      after: { userId, name: tokenName },
      at: new Date(),
    });
  });
  return token;
}

export async function revokeApiToken(actor: TActor, tokenId: string): Promise<void> {
  assertCan(actor, "token:issue");
  const db = getDb();
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { revokedAt: true } });
    if (!token) throw new AppError("NOT_FOUND", `No token with id '${tokenId}'`);
    if (token.revokedAt) return;
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "token:revoke",
      entityType: "api-token",
      entityId: tokenId,
      before: { revokedAt: null },
      after: { revokedAt },
      at: revokedAt,
    });
  });
}

export async function setReadingClosed(actor: TActor, closed: boolean): Promise<void> {
  assertCan(actor, "settings:edit");
  const db = getDb();
  const value = closed ? "closed" : "open";
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: READING_SETTING }, select: { value: true } });
    await tx.setting.upsert({
      where: { key: READING_SETTING },
      create: { key: READING_SETTING, value },
      update: { value },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "settings:reading",
      entityType: "setting",
      entityId: READING_SETTING,
      before,
      after: { value },
      at: new Date(),
    });
  });
}

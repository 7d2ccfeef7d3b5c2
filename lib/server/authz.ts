import "server-only";
import crypto from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { can, isRole, type TAction, type TActor, type TResource } from "@/lib/domain/permissions";
import { findUserByTokenHash, findUserForSession } from "@/lib/data/tokens.repository";
import { getAuth, hasSessionCookie } from "./auth";

/** API tokens look like `rl_<43 url-safe characters>`; only their SHA-256 is stored. */
export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function createApiToken(): { token: string; tokenHash: string } {
  const token = `rl_${crypto.randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token) };
}

function toActor(user: { id: string; name: string; email: string; role: string } | null): TActor | null {
  if (!user || !isRole(user.role)) return null;
  return { userId: user.id, name: user.name, email: user.email, role: user.role };
}

/** Who is asking: a bearer API token, or the session cookie; null when anonymous (or the credentials are stale). */
export async function getActor(headers: Headers): Promise<TActor | null> {
  const authorization = headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) {
    return toActor(await findUserByTokenHash(hashApiToken(authorization.slice(7).trim()), new Date()));
  }
  if (!hasSessionCookie(headers)) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  return toActor(await findUserForSession(session.user.id));
}

/**
 * The check every write runs first: 401 without credentials, 403 when the role (or ownership) does not allow the
 * action. Returns the actor for the audit trail.
 */
export async function requirePermission(headers: Headers, action: TAction, resource?: TResource): Promise<TActor> {
  const actor = await getActor(headers);
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in or send an API token to do this");
  if (!can(actor, action, resource))
    throw new AppError("FORBIDDEN", `Your role (${actor.role}) may not ${action.replace(":", " ")}`);
  return actor;
}

/** For checks on a record loaded after the first check (ownership): same errors, no second lookup. */
export function assertCan(actor: TActor, action: TAction, resource?: TResource): void {
  if (!can(actor, action, resource))
    throw new AppError("FORBIDDEN", `Your role (${actor.role}) may not ${action.replace(":", " ")}`);
}

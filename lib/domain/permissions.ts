/**
 * Who may do what: the one permission module. Every server action and route handler that writes asks
 * `can(actor, action, resource)` (through lib/server/authz.ts), never a layout or the proxy alone.
 */
export const ROLES = ["admin", "editor", "coder", "adjudicator", "viewer"] as const;
export type TRole = (typeof ROLES)[number];

export const ACTIONS = [
  "read",
  "annotation:create",
  "annotation:update",
  "annotation:delete",
  "code:write",
  "consensus:write",
  "document:import",
  "document:edit",
  "alignment:edit",
  "codebook:edit",
  "party:edit",
  "member:manage",
  "token:issue",
  "settings:edit",
] as const;
export type TAction = (typeof ACTIONS)[number];

export type TActor = { userId: string; role: TRole; name: string; email: string };

/** The owner of the record an action touches, for actions allowed on one's own records only. */
export type TResource = { ownerId?: string | null };

const ANNOTATE: TAction[] = ["annotation:create", "annotation:update", "annotation:delete"];

const GRANTS: Record<TRole, readonly TAction[]> = {
  viewer: ["read"],
  coder: ["read", ...ANNOTATE, "code:write"],
  adjudicator: ["read", ...ANNOTATE, "code:write", "consensus:write"],
  editor: ["read", ...ANNOTATE, "document:import", "document:edit", "alignment:edit"],
  admin: ACTIONS,
};

/** Actions on records that belong to someone: only the owner may (admins moderate through deletion only). */
const OWN_ONLY: ReadonlySet<TAction> = new Set(["annotation:update", "annotation:delete", "code:write"]);

export function isRole(value: string): value is TRole {
  return (ROLES as readonly string[]).includes(value);
}

export function can(actor: TActor | null, action: TAction, resource: TResource = {}): boolean {
  if (!actor) return false;
  if (!GRANTS[actor.role]?.includes(action)) return false;
  if (OWN_ONLY.has(action) && resource.ownerId !== undefined && resource.ownerId !== actor.userId) {
    return actor.role === "admin" && action === "annotation:delete";
  }
  return true;
}

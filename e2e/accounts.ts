// Accounts the browser tests sign in with: one per role, created by e2e/global-setup.ts (idempotent).
export const E2E_ROLES = ["admin", "editor", "coder", "adjudicator", "viewer"] as const;
export type TE2ERole = (typeof E2E_ROLES)[number];

export function e2eAccount(role: TE2ERole, n = 1) {
  const suffix = n === 1 ? "" : `-${n}`;
  return {
    name: `E2E ${role}${suffix}`,
    email: `e2e-${role}${suffix}@example.org`,
    password: `e2e-${role}${suffix}-password`,
  };
}

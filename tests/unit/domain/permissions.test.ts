import { ACTIONS, ROLES, can, type TActor, type TRole } from "@/lib/domain/permissions";

const actor = (role: TRole, userId = "u1"): TActor => ({ userId, role, name: role, email: `${role}@example.org` });

describe("can", () => {
  it("lets nobody do anything anonymously", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it("grants each role exactly its actions", () => {
    const table = Object.fromEntries(ROLES.map((r) => [r, ACTIONS.filter((a) => can(actor(r), a))]));
    expect(table).toEqual({
      admin: [...ACTIONS],
      editor: [
        "read",
        "annotation:create",
        "annotation:update",
        "annotation:delete",
        "document:import",
        "document:edit",
        "alignment:edit",
      ],
      coder: ["read", "annotation:create", "annotation:update", "annotation:delete", "code:write"],
      adjudicator: [
        "read",
        "annotation:create",
        "annotation:update",
        "annotation:delete",
        "code:write",
        "consensus:write",
      ],
      viewer: ["read"],
    });
  });

  it("keeps others' annotations and codes out of reach; admins may only delete them", () => {
    expect(can(actor("coder"), "annotation:update", { ownerId: "u1" })).toBe(true);
    expect(can(actor("coder"), "annotation:update", { ownerId: "u2" })).toBe(false);
    expect(can(actor("coder"), "annotation:delete", { ownerId: "u2" })).toBe(false);
    expect(can(actor("coder"), "code:write", { ownerId: "u2" })).toBe(false);
    expect(can(actor("admin"), "annotation:delete", { ownerId: "u2" })).toBe(true);
    expect(can(actor("admin"), "annotation:update", { ownerId: "u2" })).toBe(false);
  });
});

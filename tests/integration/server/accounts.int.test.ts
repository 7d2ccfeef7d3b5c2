import { changeRole, createFirstAdmin, createMember, isSetupOpen, issueApiToken } from "@/lib/server/accounts";
import { getActor } from "@/lib/server/authz";
import { setupTestDb } from "../../helpers/test-db";

const { db } = setupTestDb("empty");

const admin = { name: "Ada Admin", email: "ada@example.org", password: "correct horse battery" };

describe("accounts", () => {
  it("makes the first account admin, then closes setup", async () => {
    expect(await isSetupOpen()).toBe(true);
    const id = await createFirstAdmin(admin);
    expect(await db().user.findUnique({ where: { id }, select: { role: true } })).toEqual({ role: "admin" });
    expect(await isSetupOpen()).toBe(false);
    await expect(createFirstAdmin({ ...admin, email: "eve@example.org" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const account = await db().account.findFirstOrThrow({ where: { userId: id }, select: { password: true } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(admin.password);
  });

  it("lets an admin create members with a role, and refuses bad input without writing", async () => {
    const adminUser = await db().user.findUniqueOrThrow({ where: { email: admin.email } });
    const actor = { userId: adminUser.id, role: "admin" as const, name: adminUser.name, email: adminUser.email };
    const before = await db().user.count();
    await expect(
      createMember(actor, { name: "", email: "nope", password: "short", role: "boss" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: expect.objectContaining({
        email: expect.any(Array),
        password: expect.any(Array),
        role: expect.any(Array),
      }),
    });
    expect(await db().user.count()).toBe(before);
    const coderId = await createMember(actor, {
      name: "Cody",
      email: "cody@example.org",
      password: "another long one",
      role: "coder",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: coderId } })).role).toBe("coder");
    await expect(
      createMember(actor, { name: "Cody 2", email: "cody@example.org", password: "another long one", role: "coder" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await changeRole(actor, coderId, "adjudicator");
    expect((await db().user.findUniqueOrThrow({ where: { id: coderId } })).role).toBe("adjudicator");
    const token = await issueApiToken(actor, coderId, "scripts");
    expect(await getActor(new Headers({ authorization: `Bearer ${token}` }))).toMatchObject({
      userId: coderId,
      role: "adjudicator",
    });
    const events = await db().auditEvent.findMany({ where: { entityId: coderId }, select: { action: true } });
    expect(events.map((e) => e.action).sort()).toEqual(["member:create", "member:role"]);
  });

  it("refuses member management to anyone but an admin", async () => {
    const coder = { userId: "x", role: "coder" as const, name: "x", email: "x@example.org" };
    await expect(
      createMember(coder, { name: "Z", email: "z@example.org", password: "long enough pw", role: "admin" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

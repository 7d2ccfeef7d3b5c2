import * as documentsRoute from "@/app/api/documents/route";
import { setReadingClosed } from "@/lib/server/accounts";
import { createTestActor } from "../../helpers/actors";
import { expectErrorShape } from "../../helpers/error-shape";
import { setupTestDb } from "../../helpers/test-db";

const { db } = setupTestDb("seeded");
const get = (headers: Record<string, string> = {}) =>
  documentsRoute.GET(new Request("http://localhost/api/documents", { headers }), { params: Promise.resolve({}) });

describe("the reading gate", () => {
  it("is open by default, and once an admin closes it, anonymous reads answer 401 while members still read", async () => {
    expect((await get()).status).toBe(200);
    const admin = await createTestActor(db(), "admin");
    const viewer = await createTestActor(db(), "viewer");
    await setReadingClosed({ userId: admin.userId, role: "admin", name: "a", email: "a@example.org" }, true);
    const anonymous = await get();
    expect(anonymous.status).toBe(401);
    expectErrorShape(await anonymous.json(), "UNAUTHORIZED", /sign in/);
    expect((await get(viewer.headers)).status).toBe(200);
    await setReadingClosed({ userId: admin.userId, role: "admin", name: "a", email: "a@example.org" }, false);
    expect((await get()).status).toBe(200);
    expect(await db().auditEvent.count({ where: { action: "settings:reading" } })).toBe(2);
  });

  it("refuses the setting to anyone but an admin", async () => {
    await expect(
      setReadingClosed({ userId: "x", role: "editor", name: "x", email: "x@example.org" }, true),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

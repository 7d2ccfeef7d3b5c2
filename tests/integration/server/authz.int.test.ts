import { AppError } from "@/lib/domain/errors";
import { createMemberAsOperator } from "@/lib/server/accounts";
import { getAuth } from "@/lib/server/auth";
import { getActor, requirePermission } from "@/lib/server/authz";
import { createTestActor } from "../../helpers/actors";
import { setupTestDb } from "../../helpers/test-db";

const { db } = setupTestDb("empty");

describe("requirePermission", () => {
  it("answers 401 for anonymous requests and stale tokens", async () => {
    await expect(requirePermission(new Headers(), "annotation:create")).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const stale = new Headers({ authorization: "Bearer rl_not-a-real-token" });
    await expect(requirePermission(stale, "annotation:create")).rejects.toBeInstanceOf(AppError);
    expect(await getActor(stale)).toBeNull();
  });

  it("knows the actor behind a token and applies the role", async () => {
    const coder = await createTestActor(db(), "coder");
    const headers = new Headers(coder.headers);
    expect(await getActor(headers)).toMatchObject({ userId: coder.userId, role: "coder" });
    await expect(requirePermission(headers, "code:write")).resolves.toMatchObject({ userId: coder.userId });
    await expect(requirePermission(headers, "document:import")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a revoked token", async () => {
    const viewer = await createTestActor(db(), "viewer");
    await db().apiToken.updateMany({ where: { userId: viewer.userId }, data: { revokedAt: new Date() } });
    expect(await getActor(new Headers(viewer.headers))).toBeNull();
  });
});

describe("getActor with a session cookie", () => {
  it("knows the account behind a signed-in session, and nobody behind a missing or forged one", async () => {
    const email = "session-reader@example.org";
    const password = "a long enough password";
    const userId = await createMemberAsOperator({ name: "Session reader", email, password, role: "coder" });
    const response = await getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(cookie).toContain("redlines.session_token=");
    expect(await getActor(new Headers({ cookie }))).toMatchObject({ userId, role: "coder" });
    // Other cookies only: no session is looked up.
    expect(await getActor(new Headers({ cookie: "theme=dark; NEXT_LOCALE=ja" }))).toBeNull();
    // A session token the database does not know.
    expect(await getActor(new Headers({ cookie: "redlines.session_token=forged.signature" }))).toBeNull();
  });
});

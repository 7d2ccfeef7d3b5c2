import { AppError } from "@/lib/domain/errors";
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

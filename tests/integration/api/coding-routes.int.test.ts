/**
 * Independent coding through its routes and server actions, against a seeded database: who may write codes and
 * consensus values, optimistic concurrency (409 with the current copy), one audit event per change, bad input
 * writing nothing, and the blind rule on every read that shows researchers' codes.
 */
import * as codesRoute from "@/app/api/codes/route";
import * as codesCellRoute from "@/app/api/codes/cell/route";
import * as consensusRoute from "@/app/api/consensus/route";
import * as matrixRoute from "@/app/api/documents/[id]/matrix/route";
import * as cellRoute from "@/app/api/documents/[id]/matrix/cell/route";
import { toResearcherCoderId } from "@/lib/server/coding";
import type { TRole } from "@/lib/domain/permissions";
import { createTestActor, createTestActors, type TTestActor } from "../../helpers/actors";
import { expectErrorShape } from "../../helpers/error-shape";
import { setupTestDb } from "../../helpers/test-db";

/** The request headers `next/headers` gives the server actions (and better-auth's Next plugin): none by default. */
const mockHeaders = jest.fn(async () => new Headers());
jest.mock("next/headers", () => ({ ...jest.requireActual("next/headers"), headers: () => mockHeaders() }));

// Imported after the mock so that the actions read the mocked request headers.
import { saveCodeAction, saveConsensusAction } from "@/lib/server/coding.actions";

const { db } = setupTestDb("seeded");

const DOC = "us-28-2025-11-20";
const clause = (n: number) => `${DOC}#${n}`;
const UA_21 = ["ua-territory-2025-11-20-unsc", "ua-territory-2025-11-27-yermak"];

let actors: Record<TRole, TTestActor>;
let coder2: TTestActor;

beforeAll(async () => {
  actors = await createTestActors(db());
  coder2 = await createTestActor(db(), "coder", "Second coder");
});

type TWho = TRole | "anonymous";
const headersOf = (who: TWho | TTestActor): Record<string, string> =>
  typeof who === "object" ? who.headers : who === "anonymous" ? {} : actors[who].headers;

async function send(
  route: { POST: (r: Request, c: unknown) => Promise<Response> },
  path: string,
  who: TWho | TTestActor,
  body: unknown,
) {
  const response = await route.POST(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headersOf(who) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    {},
  );
  return { status: response.status, body: await response.json() };
}

const postCode = (who: TWho | TTestActor, body: unknown) => send(codesRoute, "/api/codes", who, body);
const postConsensus = (who: TWho | TTestActor, body: unknown) => send(consensusRoute, "/api/consensus", who, body);

async function get(
  route: { GET: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response> },
  url: string,
  who: TWho | TTestActor,
) {
  const response = await route.GET(new Request(`http://localhost${url}`, { headers: headersOf(who) }), {
    params: Promise.resolve({ id: DOC }),
  });
  return { status: response.status, body: await response.json() };
}

/** Everything a coding write can touch, to show that a refused write changed nothing. */
async function snapshot() {
  const [assessments, evidence, coders, audit] = await Promise.all([
    db().assessment.findMany({ orderBy: { id: "asc" } }),
    db().assessmentEvidence.count(),
    db().coder.count(),
    db().auditEvent.count(),
  ]);
  return { assessments, evidence, coders, audit };
}

const auditOf = (entityId: string) =>
  db().auditEvent.findMany({ where: { entityId }, orderBy: { at: "asc" }, select: { action: true, actorId: true } });

describe("POST /api/codes", () => {
  const code = { clauseId: clause(21), partyId: "ua", score: -2, rationale: "Cedes Donbas.", confidence: "high" };

  it.each([
    ["anonymous", 401],
    ["viewer", 403],
    ["editor", 403],
  ] as const)("refuses %s with %i and writes nothing", async (who, status) => {
    const before = await snapshot();
    const { status: got, body } = await postCode(who, { ...code, evidence: UA_21 });
    expect(got).toBe(status);
    expectErrorShape(body, status === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  it.each(["coder", "adjudicator", "admin"] as const)(
    "lets a %s record their own code: 201, their researcher coder, exactly one audit event",
    async (role) => {
      const actor = actors[role];
      const auditBefore = await db().auditEvent.count();
      const { status, body } = await postCode(role, { ...code, evidence: UA_21 });
      expect(status).toBe(201);
      const coderId = toResearcherCoderId(actor.userId);
      expect(body.data).toMatchObject({
        clauseId: clause(21),
        partyId: "ua",
        coder: { id: coderId, kind: "researcher", name: `${role} tester` },
        own: true,
        score: -2,
        confidence: "high",
        evidence: UA_21,
        version: 1,
      });
      expect(await db().coder.findUnique({ where: { id: coderId }, select: { userId: true, kind: true } })).toEqual({
        userId: actor.userId,
        kind: "researcher",
      });
      expect(await db().auditEvent.count()).toBe(auditBefore + 1);
      const [event] = await db().auditEvent.findMany({ where: { entityId: body.data.assessmentId } });
      expect(event).toMatchObject({ action: "code:create", entityType: "assessment", actorId: actor.userId });
      expect(event.before).toBeNull();
      expect(JSON.parse(event.after!)).toMatchObject({ score: -2, evidence: UA_21, version: 1, coderId });
    },
  );

  it("leaves the reference coding of the cell as it was", async () => {
    const reference = await db().assessment.findUniqueOrThrow({
      where: { clauseId_partyId_coderId: { clauseId: clause(21), partyId: "ua", coderId: "reference" } },
      select: { score: true, version: true },
    });
    expect(reference).toEqual({ score: -2, version: 1 });
  });

  it("accepts a personal API token and a missing rationale as empty, and 'no stated position' without evidence", async () => {
    const { status, body } = await postCode(coder2, {
      clauseId: clause(28),
      partyId: "nato",
      score: null,
      rationale: "",
      confidence: "low",
      evidence: [],
    });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ score: null, evidence: [], rationale: "" });
  });
});

describe("changing a code: versions, conflicts and the audit trail", () => {
  const base = { clauseId: clause(3), partyId: "ua", rationale: "First reading.", confidence: "medium", evidence: [] };

  it("updates with the version read (200, version + 1) and records before and after", async () => {
    const created = await postCode("coder", { ...base, score: 0 });
    expect(created.status).toBe(201);
    const id = created.body.data.assessmentId;
    const updated = await postCode("coder", {
      ...base,
      score: -2,
      evidence: ["ua-nato-alliance-2025-11-20-unsc"],
      version: 1,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ assessmentId: id, score: -2, version: 2 });
    const events = await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["code:create", "code:update"]);
    expect(JSON.parse(events[1].before!)).toMatchObject({ score: 0, version: 1, evidence: [] });
    expect(JSON.parse(events[1].after!)).toMatchObject({
      score: -2,
      version: 2,
      evidence: ["ua-nato-alliance-2025-11-20-unsc"],
    });
  });

  it("answers a stale version with 409 and the current copy, and writes nothing", async () => {
    const before = await snapshot();
    const { status, body } = await postCode("coder", { ...base, score: 2, version: 1 });
    expect(status).toBe(409);
    expectErrorShape(body, "CONFLICT", /version 2/);
    expect(body.error.current).toMatchObject({ score: -2, version: 2, evidence: ["ua-nato-alliance-2025-11-20-unsc"] });
    expect(await snapshot()).toEqual(before);
  });

  it("answers a missing version on an existing code with 409 too: no silent overwrite", async () => {
    const before = await snapshot();
    const { status, body } = await postCode("coder", { ...base, score: 2 });
    expect(status).toBe(409);
    expect(body.error.current).toMatchObject({ version: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it("answers a version for a code that does not exist with 409 and current null", async () => {
    const before = await snapshot();
    const { status, body } = await postCode("coder", { ...base, clauseId: clause(4), score: 1, version: 1 });
    expect(status).toBe(409);
    expect(body.error.current).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it("lets 'keep mine' through once it names the current version", async () => {
    const { status, body } = await postCode("coder", { ...base, score: 2, version: 2 });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ score: 2, version: 3 });
  });

  it("refuses a code for someone else's coder: each account writes only its own", async () => {
    // The only coder a code can go to is the caller's own; naming another is an unknown field.
    const before = await snapshot();
    const { status, body } = await postCode("coder", {
      ...base,
      score: 1,
      coderId: toResearcherCoderId(coder2.userId),
    });
    expect(status).toBe(400);
    expect(body.error.fieldErrors).toHaveProperty("coderId");
    expect(await snapshot()).toEqual(before);
  });
});

describe("bad input", () => {
  const good = { clauseId: clause(5), partyId: "ua", score: 1, rationale: "", confidence: "low", evidence: [] };

  it.each([
    ["an unknown clause", { clauseId: `${DOC}#99` }, "clauseId"],
    ["an unknown party", { partyId: "atlantis" }, "partyId"],
    ["another party's position as evidence", { evidence: ["ru-territory-2025-08-15-alaska"] }, "evidence"],
    ["an unknown position", { evidence: ["ua-no-such-position"] }, "evidence"],
    ["a score off the scale", { score: -3 }, "score"],
    ["evidence with 'no stated position'", { score: null, evidence: UA_21 }, "evidence"],
    ["an unknown confidence", { confidence: "sure" }, "confidence"],
  ])("answers 400 for %s, naming it, and writes nothing", async (_label, change, field) => {
    const before = await snapshot();
    const { status, body } = await postCode("coder", { ...good, ...change });
    expect(status).toBe(400);
    expectErrorShape(body, "BAD_REQUEST");
    expect(Object.keys(body.error.fieldErrors)).toEqual([field]);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 400 for a body that is not JSON, and 413 for one over 64 KB", async () => {
    const before = await snapshot();
    const notJson = await postCode("coder", "{score: 1");
    expect(notJson.status).toBe(400);
    expectErrorShape(notJson.body, "BAD_REQUEST", /JSON/);
    const huge = await postCode("coder", { ...good, rationale: "x".repeat(70_000) });
    expect(huge.status).toBe(413);
    expectErrorShape(huge.body, "PAYLOAD_TOO_LARGE");
    expect(await snapshot()).toEqual(before);
  });

  it("checks permission before reading the body: anonymous bad input is still 401", async () => {
    const { status } = await postCode("anonymous", "not json");
    expect(status).toBe(401);
  });
});

describe("POST /api/consensus", () => {
  const value = { clauseId: clause(21), partyId: "ru", score: 2, rationale: "Agreed.", confidence: "high" };

  it.each([
    ["anonymous", 401],
    ["viewer", 403],
    ["editor", 403],
    ["coder", 403],
  ] as const)("refuses %s with %i and writes nothing", async (who, status) => {
    const before = await snapshot();
    const { status: got, body } = await postConsensus(who, { ...value, evidence: [] });
    expect(got).toBe(status);
    expectErrorShape(body, status === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  it("lets an adjudicator set it (201, coder 'consensus') and an admin change it with the version (200)", async () => {
    const auditBefore = await db().auditEvent.count();
    const created = await postConsensus("adjudicator", { ...value, evidence: ["ru-territory-2025-08-15-alaska"] });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ coder: { id: "consensus", kind: "consensus" }, version: 1, own: false });
    expect(await db().auditEvent.count()).toBe(auditBefore + 1);
    const changed = await postConsensus("admin", { ...value, score: 1, evidence: [], version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ score: 1, version: 2 });
    expect(await db().auditEvent.count()).toBe(auditBefore + 2);
    expect((await auditOf(created.body.data.assessmentId)).map((e) => [e.action, e.actorId])).toEqual([
      ["consensus:create", actors.adjudicator.userId],
      ["consensus:update", actors.admin.userId],
    ]);
    const stale = await postConsensus("adjudicator", { ...value, score: 0, evidence: [], version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ score: 1, version: 2 });
  });
});

describe("concurrent writes", () => {
  const value = { clauseId: clause(7), partyId: "eu", rationale: "", confidence: "medium", evidence: [] };

  it("lets one of two racing first saves of the consensus win; the other gets 409 with the winner's copy", async () => {
    const auditBefore = await db().auditEvent.count();
    const results = await Promise.all([
      postConsensus("adjudicator", { ...value, score: 1 }),
      postConsensus("admin", { ...value, score: -1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = results.find((r) => r.status === 201)!.body.data;
    const loser = results.find((r) => r.status === 409)!.body;
    expect(loser.error.current).toMatchObject({ score: winner.score, version: 1 });
    expect(await db().auditEvent.count()).toBe(auditBefore + 1);
  });

  it("lets one of two racing changes from the same version win; the other gets 409", async () => {
    const auditBefore = await db().auditEvent.count();
    const results = await Promise.all([
      postConsensus("adjudicator", { ...value, score: 2, version: 1 }),
      postConsensus("admin", { ...value, score: -2, version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.data;
    expect(winner.version).toBe(2);
    expect(results.find((r) => r.status === 409)!.body.error.current).toMatchObject({
      score: winner.score,
      version: 2,
    });
    expect(await db().auditEvent.count()).toBe(auditBefore + 1);
    const row = await db().assessment.findUniqueOrThrow({ where: { id: winner.assessmentId } });
    expect(row).toMatchObject({ score: winner.score, version: 2 });
  });
});

describe("the coding server actions", () => {
  const input = { clauseId: clause(6), partyId: "us", score: 1, rationale: "", confidence: "medium", evidence: [] };
  const as = (who: TWho) => mockHeaders.mockResolvedValue(new Headers(headersOf(who)));
  afterAll(() => mockHeaders.mockImplementation(async () => new Headers()));

  it.each([
    ["anonymous", "UNAUTHORIZED"],
    ["viewer", "FORBIDDEN"],
    ["editor", "FORBIDDEN"],
  ] as const)("saveCodeAction refuses %s (%s) and writes nothing", async (who, code) => {
    as(who);
    const before = await snapshot();
    expect(await saveCodeAction(input)).toMatchObject({ status: "error", code });
    expect(await snapshot()).toEqual(before);
  });

  it.each(["coder", "adjudicator", "admin"] as const)(
    "saveCodeAction saves a %s's own code with one audit event",
    async (role) => {
      as(role);
      const auditBefore = await db().auditEvent.count();
      const result = await saveCodeAction(input);
      expect(result).toMatchObject({ status: "ok", created: true, code: { own: true, version: 1 } });
      expect(await db().auditEvent.count()).toBe(auditBefore + 1);
    },
  );

  it("saveCodeAction reports a stale version as a conflict carrying the current copy", async () => {
    as("coder");
    const before = await snapshot();
    const result = await saveCodeAction({ ...input, score: 2 });
    expect(result).toMatchObject({ status: "conflict", current: { score: 1, version: 1 } });
    expect(await snapshot()).toEqual(before);
  });

  it("saveCodeAction reports bad input with the fields at fault", async () => {
    as("coder");
    expect(await saveCodeAction({ ...input, score: 7, evidence: ["ua-territory-2025-11-20-unsc"] })).toMatchObject({
      status: "error",
      code: "BAD_REQUEST",
      fieldErrors: { score: expect.any(Array) },
    });
  });

  it.each([
    ["anonymous", "UNAUTHORIZED"],
    ["viewer", "FORBIDDEN"],
    ["editor", "FORBIDDEN"],
    ["coder", "FORBIDDEN"],
  ] as const)("saveConsensusAction refuses %s (%s) and writes nothing", async (who, code) => {
    as(who);
    const before = await snapshot();
    expect(await saveConsensusAction(input)).toMatchObject({ status: "error", code });
    expect(await snapshot()).toEqual(before);
  });

  it("saveConsensusAction lets an adjudicator set and an admin change the consensus, one audit event each", async () => {
    const auditBefore = await db().auditEvent.count();
    as("adjudicator");
    expect(await saveConsensusAction(input)).toMatchObject({ status: "ok", created: true });
    as("admin");
    expect(await saveConsensusAction({ ...input, score: 2, version: 1 })).toMatchObject({
      status: "ok",
      created: false,
      code: { version: 2 },
    });
    expect(await db().auditEvent.count()).toBe(auditBefore + 2);
  });
});

describe("the blind rule on reads", () => {
  // Coder 1 ("coder" tester) codes clause 1 and 2 for Ukraine; coder 2 codes clause 1 only.
  const A = { clauseId: clause(1), partyId: "ua", score: 1, rationale: "A", confidence: "high", evidence: [] };
  const B = { clauseId: clause(2), partyId: "ua", score: -1, rationale: "B", confidence: "low", evidence: [] };
  let coder1Id: string;

  beforeAll(async () => {
    coder1Id = toResearcherCoderId(actors.coder.userId);
    expect((await postCode("coder", A)).status).toBe(201);
    expect((await postCode("coder", B)).status).toBe(201);
  });

  const codesSeen = async (who: TWho | TTestActor) => {
    const { status, body } = await get(codesRoute, `/api/codes?document=${DOC}&party=ua`, who);
    expect(status).toBe(200);
    return (body.data.codes as { clauseId: string; coder: { id: string } }[])
      .filter((c) => c.coder.id === coder1Id && [A.clauseId, B.clauseId].includes(c.clauseId))
      .map((c) => c.clauseId);
  };
  const matrixCells = async (who: TWho | TTestActor) => {
    const { status, body } = await get(matrixRoute, `/api/documents/${DOC}/matrix?coder=${coder1Id}&party=ua`, who);
    expect(status).toBe(200);
    return (body.data.rows as { number: string; cells: { key: string; score?: number }[] }[])
      .filter((r) => r.number === "1" || r.number === "2")
      .map((r) => [r.number, r.cells[0].key, r.cells[0].score ?? "—"]);
  };

  it("GET /api/codes needs an account", async () => {
    const { status, body } = await get(codesRoute, `/api/codes?document=${DOC}`, "anonymous");
    expect(status).toBe(401);
    expectErrorShape(body, "UNAUTHORIZED");
  });

  it("hides coder 1's codes from coder 2, viewers and editors before they code; shows them to the owner and adjudicators", async () => {
    expect(await codesSeen(coder2)).toEqual([]);
    expect(await codesSeen("viewer")).toEqual([]);
    expect(await codesSeen("editor")).toEqual([]);
    expect(await codesSeen("coder")).toEqual([clause(1), clause(2)]);
    expect(await codesSeen("adjudicator")).toEqual([clause(1), clause(2)]);
    expect(await codesSeen("admin")).toEqual([clause(1), clause(2)]);
  });

  it("hides coder 1's cells in the matrix twin, without telling whether they are coded", async () => {
    expect(await matrixCells("anonymous")).toEqual([
      ["1", "blind", "—"],
      ["2", "blind", "—"],
    ]);
    expect(await matrixCells(coder2)).toEqual([
      ["1", "blind", "—"],
      ["2", "blind", "—"],
    ]);
    expect(await matrixCells("coder")).toEqual([
      ["1", "consistent", 1],
      ["2", "conflicts", -1],
    ]);
    expect(await matrixCells("adjudicator")).toEqual([
      ["1", "consistent", 1],
      ["2", "conflicts", -1],
    ]);
  });

  it("lists researchers' coders only to signed-in readers", async () => {
    const ids = async (who: TWho | TTestActor) =>
      ((await get(matrixRoute, `/api/documents/${DOC}/matrix`, who)).body.data.coders as { id: string }[]).map(
        (c) => c.id,
      );
    const anonymous = await ids("anonymous");
    expect(anonymous).toContain("reference");
    expect(anonymous).toContain("consensus");
    expect(anonymous).not.toContain(coder1Id);
    expect(await ids("viewer")).toContain(coder1Id);
  });

  it("hides the cell's evidence panel and coding until coder 2 codes the cell, then shows coder 1's code there only", async () => {
    const panel = async () =>
      (await get(cellRoute, `/api/documents/${DOC}/matrix/cell?clause=1&party=ua&coder=${coder1Id}`, coder2)).body.data;
    const coding = async (n: number) =>
      (await get(codesCellRoute, `/api/codes/cell?document=${DOC}&clause=${n}&party=ua`, coder2)).body.data;

    expect(await panel()).toMatchObject({ blind: true, assessment: null });
    const before = await coding(1);
    expect(before).toMatchObject({ mine: null, others: [], othersHidden: true, viewer: { canCode: true } });
    expect(before.timeline.map((e: { coder: { id: string } }) => e.coder.id)).not.toContain(coder1Id);

    expect((await postCode(coder2, { ...A, score: 2 })).status).toBe(201);

    expect(await panel()).toMatchObject({ blind: false, assessment: { score: 1, coder: { id: coder1Id } } });
    const after = await coding(1);
    expect(after).toMatchObject({ othersHidden: false, mine: { score: 2, own: true } });
    expect(after.others.map((c: { coder: { id: string } }) => c.coder.id)).toEqual([coder1Id]);
    expect(after.timeline.map((e: { coder: { id: string } }) => e.coder.id)).toContain(coder1Id);
    expect(await codesSeen(coder2)).toEqual([clause(1)]);
    expect(await matrixCells(coder2)).toEqual([
      ["1", "consistent", 1],
      ["2", "blind", "—"],
    ]);
    expect(await coding(2)).toMatchObject({ othersHidden: true, others: [] });
  });

  it("lists the party's positions on the clause for the evidence checkboxes", async () => {
    const { body } = await get(codesCellRoute, `/api/codes/cell?document=${DOC}&clause=21&party=ua`, coder2);
    const ids = (body.data.positions as { id: string; partyId: string }[]).map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(UA_21));
    expect((body.data.positions as { partyId: string }[]).every((p) => p.partyId === "ua")).toBe(true);
  });

  it("answers 400 for bad parameters and 404 for an unknown document or clause", async () => {
    expect((await get(codesRoute, `/api/codes`, "coder")).status).toBe(400);
    expect((await get(codesRoute, `/api/codes?document=${DOC}&bogus=1`, "coder")).status).toBe(400);
    expect((await get(codesRoute, `/api/codes?document=no-such-doc`, "coder")).status).toBe(404);
    expect((await get(codesCellRoute, `/api/codes/cell?document=${DOC}&clause=99&party=ua`, "coder")).status).toBe(404);
  });
});

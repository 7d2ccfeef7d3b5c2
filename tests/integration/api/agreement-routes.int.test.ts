/**
 * GET /api/agreement over codes stored through POST /api/codes, on a small hand-made case whose coefficients are
 * worked out below, with the reference coding and a consensus value in the same cells to show they are left out.
 *
 * Coders A and B on the 28-point plan (C codes one cell nobody else codes):
 *   #1 × ua: 1, 1    #2 × ua: 1, 0    #3 × ru: −1, −1    #21 × ru: 2, 2    (#5 × us: C 0)
 * Values 1×3, 0×1, −1×2, 2×2 (n = 8); the only disagreement is (1, 0) in #2 × ua.
 * Nominal: Do = 2/8, De = (64 − 9 − 1 − 4 − 4)/56 = 46/56, alpha = 1 − (1/4)/(46/56) = 16/23.
 * Ordinal: δ²(0, 1) = (1 + 3 − 2)² = 4, so Do = 2·4/8 = 1; Σ n_c n_k δ²_ck over ordered pairs = 624, so
 *   De = 624/56 and alpha = 1 − 56/624 = 71/78.
 * Kappa (A, B) on the four shared cells: po = 3/4, pe = (2·1 + 1·1 + 1·1)/16 = 1/4, kappa = (3/4 − 1/4)/(3/4) = 2/3.
 * Per party: ua has values 1, 1, 1, 0: Do = De = 1/2 (nominal) and 2 = 2 (ordinal), so alpha = 0; ru agrees
 *   perfectly on varied values, alpha = 1; us has one value only, alpha undefined.
 */
import * as agreementRoute from "@/app/api/agreement/route";
import * as codesRoute from "@/app/api/codes/route";
import * as consensusRoute from "@/app/api/consensus/route";
import { toResearcherCoderId } from "@/lib/server/coding";
import { createTestActor, type TTestActor } from "../../helpers/actors";
import { expectErrorShape } from "../../helpers/error-shape";
import { setupTestDb } from "../../helpers/test-db";

const { db } = setupTestDb("seeded");

const DOC = "us-28-2025-11-20";
let a: TTestActor;
let b: TTestActor;
let c: TTestActor;
let adjudicator: TTestActor;
let viewer: TTestActor;

async function post(route: typeof codesRoute | typeof consensusRoute, who: TTestActor, body: object) {
  const response = await route.POST(
    new Request("http://localhost/api/x", {
      method: "POST",
      headers: { "content-type": "application/json", ...who.headers },
      body: JSON.stringify({ rationale: "", confidence: "medium", evidence: [], ...body }),
    }),
    {},
  );
  expect(response.status).toBe(201);
}

async function getAgreement(search: string, who: TTestActor | null) {
  const response = await agreementRoute.GET(
    new Request(`http://localhost/api/agreement?${search}`, { headers: who?.headers ?? {} }),
    {},
  );
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  [a, b, c, adjudicator, viewer] = await Promise.all([
    createTestActor(db(), "coder", "Coder A"),
    createTestActor(db(), "coder", "Coder B"),
    createTestActor(db(), "coder", "Coder C"),
    createTestActor(db(), "adjudicator", "Adjudicator"),
    createTestActor(db(), "viewer", "Viewer"),
  ]);
  const cells: [string, string, number, number][] = [
    ["1", "ua", 1, 1],
    ["2", "ua", 1, 0],
    ["3", "ru", -1, -1],
    ["21", "ru", 2, 2],
  ];
  for (const [n, partyId, scoreA, scoreB] of cells) {
    await post(codesRoute, a, { clauseId: `${DOC}#${n}`, partyId, score: scoreA });
    await post(codesRoute, b, { clauseId: `${DOC}#${n}`, partyId, score: scoreB });
  }
  await post(codesRoute, c, { clauseId: `${DOC}#5`, partyId: "us", score: 0 });
  await post(consensusRoute, adjudicator, { clauseId: `${DOC}#2`, partyId: "ua", score: -2 });
});

describe("GET /api/agreement", () => {
  it("computes alpha and kappa from the researchers' stored codes, matching the hand-worked values", async () => {
    const { status, body } = await getAgreement(`document=${DOC}`, adjudicator);
    expect(status).toBe(200);
    const report = body.data;
    expect(report.counts).toEqual({ codes: 9, units: 5, pairableUnits: 4 });
    expect(report.coders.map((x: { name: string }) => x.name).sort()).toEqual(["Coder A", "Coder B", "Coder C"]);
    expect(report.overall.nominal.alpha).toBeCloseTo(16 / 23, 10);
    expect(report.overall.nominal).toMatchObject({ units: 4, pairable: 8 });
    expect(report.overall.ordinal.alpha).toBeCloseTo(71 / 78, 10);

    const pairs = new Map(
      report.pairs.map((p: { coderA: { name: string }; coderB: { name: string }; kappa: number | null }) => [
        [p.coderA.name, p.coderB.name].sort().join(" & "),
        p,
      ]),
    );
    expect(pairs.get("Coder A & Coder B")).toMatchObject({ units: 4, observedAgreement: 0.75 });
    expect((pairs.get("Coder A & Coder B") as { kappa: number }).kappa).toBeCloseTo(2 / 3, 10);
    expect(pairs.get("Coder A & Coder C")).toMatchObject({ kappa: null, undefinedReason: "no-paired-units" });
  });

  it("breaks alpha down by party and dimension (by document only across documents)", async () => {
    const { body } = await getAgreement(`document=${DOC}`, adjudicator);
    const byParty = Object.fromEntries(body.data.byParty.map((g: { group: string }) => [g.group, g])) as Record<
      string,
      { coders: number; alpha: Record<string, { alpha: number | null; undefinedReason: string }> }
    >;
    expect(Object.keys(byParty).sort()).toEqual(["ru", "ua", "us"]);
    expect(byParty.ua.alpha.nominal.alpha).toBeCloseTo(0, 10);
    expect(byParty.ua.alpha.ordinal.alpha).toBeCloseTo(0, 10);
    expect(byParty.ru.alpha.nominal.alpha).toBe(1);
    expect(byParty.ru.alpha.ordinal.alpha).toBe(1);
    expect(byParty.us).toMatchObject({
      coders: 1,
      alpha: { nominal: { alpha: null, undefinedReason: "no-pairable-values" } },
    });

    const topics = await db().clauseTopic.findMany({
      where: { clauseId: { in: ["1", "2", "3", "21", "5"].map((n) => `${DOC}#${n}`) } },
      select: { dimensionId: true },
    });
    expect(body.data.byDimension.map((g: { group: string }) => g.group).sort()).toEqual(
      [...new Set(topics.map((t) => t.dimensionId))].sort(),
    );
    expect(body.data.byDocument).toBeNull();
    const all = await getAgreement("", adjudicator);
    expect(all.body.data.byDocument.map((g: { group: string }) => g.group)).toEqual([DOC]);
    expect(all.body.data.overall.nominal.alpha).toBeCloseTo(16 / 23, 10);
  });

  it("lists the one disagreement with each coder's value and links to the cell, for adjudicators", async () => {
    const { body } = await getAgreement(`document=${DOC}`, adjudicator);
    expect(body.data.disagreements).toMatchObject({ visibility: "all", total: 1 });
    const [item] = body.data.disagreements.items;
    expect(item).toMatchObject({
      clauseId: `${DOC}#2`,
      clauseNumber: "2",
      partyId: "ua",
      spread: 1,
      link: `/clauses/${DOC}/2`,
      matrixLink: `/documents/${DOC}/matrix?party=ua&q=2`,
    });
    const values = Object.fromEntries(
      item.values.map((v: { coder: { id: string }; value: number }) => [v.coder.id, v.value]),
    );
    expect(values).toEqual({ [toResearcherCoderId(a.userId)]: 1, [toResearcherCoderId(b.userId)]: 0 });
  });

  it("keeps codes blind: a coder sees disagreements on cells they coded only, a viewer none", async () => {
    const asA = (await getAgreement(`document=${DOC}`, a)).body.data.disagreements;
    expect(asA).toMatchObject({ visibility: "own-cells", total: 1 });
    expect(asA.items).toHaveLength(1);
    const asC = (await getAgreement(`document=${DOC}`, c)).body.data;
    expect(asC.disagreements).toEqual({ visibility: "own-cells", total: 1, items: [] });
    expect(asC.overall.nominal.alpha).toBeCloseTo(16 / 23, 10);
    expect((await getAgreement(`document=${DOC}`, viewer)).body.data.disagreements).toEqual({
      visibility: "none",
      total: 1,
      items: [],
    });
  });

  it("takes metric=… and refuses unknown parameters, unknown documents and anonymous callers", async () => {
    const interval = await getAgreement(`document=${DOC}&metric=interval`, viewer);
    expect(Object.keys(interval.body.data.overall)).toEqual(["interval"]);
    expect(interval.body.data.byParty[0].alpha).toHaveProperty("interval");

    const badMetric = await getAgreement(`document=${DOC}&metric=ratio`, viewer);
    expect(badMetric.status).toBe(400);
    expectErrorShape(badMetric.body, "BAD_REQUEST", /'metric'/);
    const badParam = await getAgreement(`document=${DOC}&coder=x`, viewer);
    expect(badParam.status).toBe(400);
    const unknown = await getAgreement("document=no-such-doc", viewer);
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.body, "NOT_FOUND");
    const anonymous = await getAgreement(`document=${DOC}`, null);
    expect(anonymous.status).toBe(401);
    expectErrorShape(anonymous.body, "UNAUTHORIZED");
  });
});

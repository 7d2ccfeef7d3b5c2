/**
 * GET /api/releases (the dataset page's JSON twin), and the "new evidence since a release" marks of the matrix
 * twins, on the base release alone and after release 2026-06.
 */
import * as releasesRoute from "@/app/api/releases/route";
import * as matrixRoute from "@/app/api/documents/[id]/matrix/route";
import * as cellRoute from "@/app/api/documents/[id]/matrix/cell/route";
import { listReleaseFiles, updateDataset } from "@/prisma/data-update";
import { expectErrorShape } from "../../helpers/error-shape";
import { setupTestDb } from "../../helpers/test-db";

const DOC = "us-28-2025-11-20";

async function getReleases(search = "") {
  const response = await releasesRoute.GET(new Request(`http://localhost/api/releases${search}`), undefined);
  return { status: response.status, body: await response.json() };
}

async function getMatrix(search = "") {
  const response = await matrixRoute.GET(new Request(`http://localhost/api/documents/${DOC}/matrix?${search}`), {
    params: Promise.resolve({ id: DOC }),
  });
  return (await response.json()).data as {
    rows: { number: string; cells: { partyId: string; newEvidence: unknown }[] }[];
  };
}

async function getCell(search: string) {
  const response = await cellRoute.GET(new Request(`http://localhost/api/documents/${DOC}/matrix/cell?${search}`), {
    params: Promise.resolve({ id: DOC }),
  });
  return { status: response.status, body: await response.json() };
}

const marked = (matrix: Awaited<ReturnType<typeof getMatrix>>) =>
  matrix.rows.flatMap((r) => r.cells.filter((c) => c.newEvidence).map((c) => `${r.number}×${c.partyId}`));

describe("on the base release alone", () => {
  setupTestDb("seeded");

  it("lists the base release with its counts and no individual changes", async () => {
    const { status, body } = await getReleases();
    expect(status).toBe(200);
    expect(body.data.current).toBe("2026-03");
    expect(body.data.releases).toHaveLength(1);
    const [base] = body.data.releases;
    expect(base).toMatchObject({ id: "2026-03", isBase: true, isCurrent: true, changes: [] });
    expect(base.counts.totals).toContainEqual({ key: "positions", count: 204 });
  });

  it("marks no cell of the matrix", async () => {
    expect(marked(await getMatrix())).toEqual([]);
    const { body } = await getCell("clause=13&party=us");
    expect(body.data.assessment.newEvidence).toBeNull();
  });
});

describe("after release 2026-06", () => {
  const { db } = setupTestDb("seeded");

  beforeAll(async () => {
    const outcome = await updateDataset(db(), listReleaseFiles(), { now: new Date("2026-06-10T08:00:00Z") });
    if (!outcome.ok) throw new Error(outcome.problems.join("\n"));
  });

  it("lists both releases, newest first, with counts, coverage, notes and what 2026-06 added, linked", async () => {
    const { status, body } = await getReleases();
    expect(status).toBe(200);
    expect(body.data.current).toBe("2026-06");
    expect(body.data.releases.map((r: { id: string }) => r.id)).toEqual(["2026-06", "2026-03"]);
    const [june] = body.data.releases;
    expect(june).toMatchObject({
      title: "Redlines reference dataset, release 2026-06",
      appliedAt: "2026-06-10T08:00:00.000Z",
      coverage: { text: "2026-03-06 to 2026-06-01", from: "2026-03-06", to: "2026-06-01" },
      note: { lang: "en", fallback: false },
      isCurrent: true,
      isBase: false,
      summary: { added: 17, changed: 0, "kept-edit": 0 },
      counts: {
        totals: [{ key: "positions", count: 17 }],
        breakdowns: [
          {
            key: "byParty",
            entries: [
              { key: "ua", count: 7 },
              { key: "ru", count: 4 },
              { key: "us", count: 4 },
              { key: "eu", count: 2 },
            ],
          },
        ],
      },
    });
    expect(june.changes).toHaveLength(17);
    expect(june.changes).toContainEqual(
      expect.objectContaining({
        entityType: "position",
        entityId: "eu-eu-membership-2026-03-19-euco25",
        change: "added",
        href: "/parties/eu#position-eu-eu-membership-2026-03-19-euco25",
        partyId: "eu",
        date: "2026-03-19",
      }),
    );
    for (const change of june.changes) expect(change.sources[0].url).toMatch(/^https?:\/\//);
    expect(june.citation).toMatchObject({
      releaseId: "2026-06",
      url: "http://localhost/dataset#release-2026-06",
      accessed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(june.citation.text).toContain("release 2026-06");
  });

  it("gives the notes in Japanese with lang=ja, and the Japanese page's address", async () => {
    const { body } = await getReleases("?lang=ja");
    const [june] = body.data.releases;
    expect(june.note).toMatchObject({ lang: "ja", fallback: false });
    expect(june.note.text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(june.citation.url).toBe("http://localhost/ja/dataset#release-2026-06");
  });

  it.each([
    ["?lang=de", "lang"],
    ["?page=2", "page"],
  ])("answers 400 for %s", async (search, parameter) => {
    const { status, body } = await getReleases(search);
    expect(status).toBe(400);
    expectErrorShape(body, "BAD_REQUEST", new RegExp(`'${parameter}'`));
  });

  it("marks the matrix cells whose evidence moved, and only those", async () => {
    expect(marked(await getMatrix())).toEqual(["11×eu", "13×ua", "13×us", "13×eu", "28×ua", "28×ru"]);
    expect(marked(await getMatrix("asOf=2026-03-10"))).toEqual(["13×us"]);
  });

  it("lists the new evidence in the cell's panel, each position with its sources", async () => {
    const { status, body } = await getCell("clause=28&party=ru");
    expect(status).toBe(200);
    const fresh = body.data.assessment.newEvidence;
    expect(fresh).toMatchObject({ releaseId: "2026-06", codedOnReleaseId: "2026-03" });
    expect(fresh.positions.map((p: { id: string }) => p.id)).toEqual([
      "ru-ceasefire-monitoring-2026-05-04-mod",
      "ru-ceasefire-monitoring-2026-04-10-easter",
    ]);
    for (const p of fresh.positions) {
      expect(p.releaseId).toBe("2026-06");
      expect(p.sources.length).toBeGreaterThan(0);
      expect(p.sources[0].url).toMatch(/^https?:\/\//);
    }
    const unmarked = await getCell("clause=21&party=ua");
    expect(unmarked.body.data.assessment.newEvidence).toBeNull();
  });
});

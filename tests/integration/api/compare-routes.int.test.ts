/** GET /api/compare against the seeded database: every document pair with reference alignments, both ways. */
import * as compareRoute from "@/app/api/compare/route";
import type { TCompareEntry, TCompareUnmatched } from "@/lib/domain/compare";
import type { TWordDiffSegment } from "@/lib/domain/word-diff";
import { expectErrorShape } from "../../helpers/error-shape";
import { readReferenceJson } from "../../helpers/reference";
import { setupTestDb } from "../../helpers/test-db";

const { db } = setupTestDb("seeded");

type TRefAlignment = { from: string; to: string; relation: string };
type TRefDocument = { id: string; clauses: { number: string }[] };
const reference = readReferenceJson<{ documents: TRefDocument[]; alignments: TRefAlignment[] }>("documents");
const docOf = (end: string) => end.split("#")[0];
const clauseIdsOf = (id: string) =>
  reference.documents.find((d) => d.id === id)!.clauses.map((c) => `${id}#${c.number}`);
const REFERENCE_PAIRS = [...new Set(reference.alignments.map((a) => `${docOf(a.from)} ${docOf(a.to)}`))].map(
  (p) => p.split(" ") as [string, string],
);

async function getCompare(search: string) {
  const response = await compareRoute.GET(new Request(`http://localhost/api/compare?${search}`), {});
  return { status: response.status, body: await response.json() };
}

const spell = (segments: TWordDiffSegment[], side: "from" | "to") =>
  segments
    .filter((s) => s.kind === "equal" || s.kind === (side === "from" ? "delete" : "insert"))
    .map((s) => s.text)
    .join("");

describe("GET /api/compare", () => {
  it("covers the four document pairs that ship with reference alignments", () => {
    expect(REFERENCE_PAIRS.map((p) => p.join(" → "))).toEqual([
      "us-28-2025-11-20 → e3-counter-2025-11-23",
      "us-28-2025-11-20 → us-ua-geneva-2025-11-23",
      "us-sg-draft-2025-11-21 → us-ua-security-package-2025-12",
      "ru-memorandum-2025-06-02 → us-28-2025-11-20",
    ]);
  });

  it.each(REFERENCE_PAIRS)("%s → %s: every reference link, every clause, a diff for every pair", async (from, to) => {
    const { status, body } = await getCompare(`from=${from}&to=${to}`);
    expect(status).toBe(200);
    const { pairs, removed, added, summary } = body.data.comparison as {
      pairs: TCompareEntry[];
      removed: TCompareUnmatched[];
      added: TCompareUnmatched[];
      summary: { counts: Record<string, number>; shown: number; total: number; proposed: number };
    };
    expect(body.data.from.id).toBe(from);
    expect(body.data.to.id).toBe(to);

    const shown = [...pairs.flatMap((p) => p.links), ...removed.map((u) => u.link), ...added.map((u) => u.link)].filter(
      (l) => l.source === "reference",
    );
    const expected = reference.alignments
      .filter((a) => docOf(a.from) === from && docOf(a.to) === to)
      .map((a) => `${a.from.includes("#") ? a.from : "-"} ${a.relation} ${a.to.includes("#") ? a.to : "-"}`);
    expect(shown.map((l) => `${l.fromClauseId ?? "-"} ${l.relation} ${l.toClauseId ?? "-"}`).sort()).toEqual(
      expected.sort(),
    );

    const fromIds = new Set([...pairs.flatMap((p) => p.from.map((c) => c.id)), ...removed.map((u) => u.clause.id)]);
    const toIds = new Set([...pairs.flatMap((p) => p.to.map((c) => c.id)), ...added.map((u) => u.clause.id)]);
    expect(fromIds).toEqual(new Set(clauseIdsOf(from)));
    expect(toIds).toEqual(new Set(clauseIdsOf(to)));

    for (const p of pairs) {
      expect(spell(p.diff.segments, "from")).toBe(p.from.map((c) => c.text.text).join("\n"));
      expect(spell(p.diff.segments, "to")).toBe(p.to.map((c) => c.text.text).join("\n"));
      for (const side of [...p.from, ...p.to]) expect(side.sources[0].url).toMatch(/^https?:\/\//);
      if (p.source === "proposed") expect(p.confidence).toEqual(expect.any(Number));
    }
    const counted = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    expect(counted).toBe(pairs.length + removed.length + added.length);
    expect(summary.shown).toBe(counted);
    expect(summary.total).toBe(counted);
  });

  it.each(REFERENCE_PAIRS)("%s → %s read backwards shows every reference link flipped", async (from, to) => {
    const { status, body } = await getCompare(`from=${to}&to=${from}`);
    expect(status).toBe(200);
    const { pairs, removed, added } = body.data.comparison as {
      pairs: TCompareEntry[];
      removed: TCompareUnmatched[];
      added: TCompareUnmatched[];
    };
    const flipped: Record<string, string> = { removed: "added", merged: "split", split: "merged" };
    const shown = [...pairs.flatMap((p) => p.links), ...removed.map((u) => u.link), ...added.map((u) => u.link)]
      .filter((l) => l.source === "reference")
      .map((l) => `${l.fromClauseId ?? "-"} ${l.relation} ${l.toClauseId ?? "-"}`);
    const expected = reference.alignments
      .filter((a) => docOf(a.from) === from && docOf(a.to) === to)
      .map(
        (a) =>
          `${a.to.includes("#") ? a.to : "-"} ${flipped[a.relation] ?? a.relation} ${a.from.includes("#") ? a.from : "-"}`,
      );
    expect(shown.sort()).toEqual(expected.sort());
  });

  it("sums up the 28-point plan against the E3 counter-proposal", async () => {
    const { body } = await getCompare("from=us-28-2025-11-20&to=e3-counter-2025-11-23");
    expect(body.data.comparison.summary).toEqual({
      counts: { unchanged: 7, modified: 13, moved: 0, merged: 0, split: 0, removed: 8, added: 0 },
      proposed: 6,
      shown: 28,
      total: 28,
    });
    const army = body.data.comparison.pairs.find((p: TCompareEntry) => p.from[0].number === "6");
    expect(army.relation).toBe("modified");
    expect(army.links[0].note.text).toMatch(/600,000/);
    expect(army.diff.segments.some((s: TWordDiffSegment) => s.kind === "insert")).toBe(true);
  });

  it("reads the same pair backwards: removals become additions", async () => {
    const { status, body } = await getCompare("from=e3-counter-2025-11-23&to=us-28-2025-11-20");
    expect(status).toBe(200);
    expect(body.data.comparison.summary.counts).toEqual({
      unchanged: 7,
      modified: 13,
      moved: 0,
      merged: 0,
      split: 0,
      removed: 0,
      added: 8,
    });
    const three = body.data.comparison.added.find((u: TCompareUnmatched) => u.clause.number === "3");
    expect(three.link).toMatchObject({ source: "reference", relation: "added" });
  });

  it("aligns a pair without stored alignments entirely by proposal, each link with its confidence", async () => {
    const { status, body } = await getCompare(
      "from=istanbul-communique-2022-03-29&to=istanbul-draft-treaty-2022-04-15",
    );
    expect(status).toBe(200);
    const { pairs, removed, added, summary } = body.data.comparison;
    expect(summary.proposed).toBe(summary.shown);
    expect(pairs.length).toBeGreaterThan(0);
    for (const item of [...pairs.flatMap((p: TCompareEntry) => p.links), ...removed, ...added].map(
      (x: { link?: unknown }) => x.link ?? x,
    )) {
      expect(item).toMatchObject({ source: "proposed", confidence: expect.any(Number) });
    }
  });

  it("for a party keeps the clauses touching its red lines, with the reference scores before and after", async () => {
    const { body } = await getCompare("from=us-28-2025-11-20&to=e3-counter-2025-11-23&party=ua");
    const { pairs, summary } = body.data.comparison;
    expect(summary.total).toBe(28);
    expect(summary.shown).toBeLessThan(28);
    for (const p of pairs as TCompareEntry[]) expect(p.party!.dimensions.length).toBeGreaterThan(0);
    const territory = (pairs as TCompareEntry[]).find((p) => p.from[0].number === "21")!;
    expect(territory.party!.dimensions).toContain("territory");
    const scores = await db().assessment.findMany({
      where: {
        coderId: "reference",
        partyId: "ua",
        clauseId: { in: ["us-28-2025-11-20#21", "e3-counter-2025-11-23#21"] },
      },
      select: { clauseId: true, score: true },
    });
    const scoreOf = (id: string) => scores.find((s) => s.clauseId === id)?.score;
    expect(territory.party!.before[0]).toMatchObject({ assessed: true, score: scoreOf("us-28-2025-11-20#21") });
    expect(territory.party!.after[0]).toMatchObject({ score: scoreOf("e3-counter-2025-11-23#21") ?? null });
    expect(territory.party!.before[0].score).toBe(-2);
  });

  it("gives the texts in Japanese with lang=ja", async () => {
    const { body } = await getCompare("from=us-28-2025-11-20&to=e3-counter-2025-11-23&lang=ja&mode=inline");
    expect(body.data.query).toMatchObject({ lang: "ja", mode: "inline" });
    const first = body.data.comparison.pairs[0] as TCompareEntry;
    expect(first.from[0].text.lang).toBe("ja");
    expect(first.diff.lang).toBe("ja");
    expect(spell(first.diff.segments, "to")).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it.each([
    ["to=e3-counter-2025-11-23", "from"],
    ["from=us-28-2025-11-20", "to"],
    ["from=us-28-2025-11-20&to=us-28-2025-11-20", "to"],
    ["from=US_28&to=e3-counter-2025-11-23", "from"],
    ["from=us-28-2025-11-20&to=e3-counter-2025-11-23&party=zz", "party"],
    ["from=us-28-2025-11-20&to=e3-counter-2025-11-23&mode=wide", "mode"],
    ["from=us-28-2025-11-20&to=e3-counter-2025-11-23&lang=fr", "lang"],
    ["from=us-28-2025-11-20&to=e3-counter-2025-11-23&sort=x", "sort"],
  ])("answers 400 for ?%s, naming '%s'", async (search, parameter) => {
    const { status, body } = await getCompare(search);
    expect(status).toBe(400);
    expectErrorShape(body, "BAD_REQUEST", new RegExp(`'${parameter}'`));
  });

  it.each([
    ["from=no-such-doc&to=e3-counter-2025-11-23", "no-such-doc"],
    ["from=us-28-2025-11-20&to=no-such-doc", "no-such-doc"],
  ])("answers 404 for ?%s", async (search, id) => {
    const { status, body } = await getCompare(search);
    expect(status).toBe(404);
    expectErrorShape(body, "NOT_FOUND", new RegExp(id));
  });
});

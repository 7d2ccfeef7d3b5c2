/** Release files and the plan of applying one, as a pure diff against a database's state (no database here). */
import fs from "node:fs";
import path from "node:path";
import {
  findChangedFields,
  parseReleaseFile,
  planReleaseApplication,
  summarizeReleasePlan,
  type TCurrentPosition,
  type TReleaseInput,
  type TReleaseState,
} from "@/lib/domain/dataset/release";
import { parseCoverage, type TReleaseFile } from "@/lib/domain/dataset/release.schema";
import { toDatasetRows } from "@/lib/domain/dataset/rows";
import { BASE_RELEASE, readReferenceDataset } from "@/prisma/seed/reference";

const FILE = "2026-06-positions.json";
const raw = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../../../prisma/seed/data/updates", FILE), "utf8"),
) as TReleaseFile;
const reference = readReferenceDataset();
const base = toDatasetRows(reference, BASE_RELEASE);

const copy = <T>(value: T): T => structuredClone(value);

function parse(data: unknown, file = FILE): TReleaseInput {
  const result = parseReleaseFile(file, data);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.release;
}

/** The base release as the database holds it, with the given positions' current versions. */
function baseState(overrides: Partial<TReleaseState> = {}): TReleaseState {
  return {
    appliedReleaseIds: ["2026-03"],
    existing: {
      parties: new Set(base.parties.map((p) => p.id)),
      dimensions: new Set(base.dimensions.map((d) => d.id)),
      clauses: new Set(base.clauses.map((c) => c.id)),
      documents: new Set(base.documents.map((d) => d.id)),
      sources: new Set(base.sources.map((s) => s.id)),
    },
    positions: [],
    ...overrides,
  };
}

/** A base position as the database holds it. */
function current(id: string, extra: Partial<TCurrentPosition> = {}): TCurrentPosition {
  const position = base.positions.find((p) => p.id === id)!;
  const strip = <T extends { positionId: string }>(rows: T[]) =>
    rows.filter((r) => r.positionId === id).map(({ positionId: _p, ...rest }) => rest);
  return {
    position,
    clauses: strip(base.positionClauses),
    documents: strip(base.positionDocuments),
    sources: strip(base.positionSources),
    version: 1,
    editedAt: null,
    reviewNote: null,
    ...extra,
  };
}

/** The reference record of a base position, in the release file format. */
function referencePosition(id: string) {
  return copy(reference.positions.positions.find((p) => p.id === id)!);
}

function plan(state: TReleaseState, release: TReleaseInput) {
  const result = planReleaseApplication(state, release);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.plan;
}

describe("parseReleaseFile", () => {
  it("reads the shipped 2026-06 release: 17 positions, counts as announced", () => {
    const release = parse(raw);
    expect(release.data.release).toBe("2026-06");
    expect(release.data.positions).toHaveLength(17);
    expect(parseCoverage(release.data.coverage)).toEqual({ from: "2026-03-06", to: "2026-06-01" });
    expect(release.data.noteJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("names the file, record and field of each format problem", () => {
    const bad = copy(raw) as unknown as Record<string, unknown> & { positions: Record<string, unknown>[] };
    bad.positions[3].date = "2026-13-01";
    bad.positions[5].sources = [];
    delete bad.positions[7].statement;
    const result = parseReleaseFile(FILE, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        `${FILE}: positions[3].date: must be a date written YYYY-MM-DD`,
        expect.stringMatching(/^2026-06-positions\.json: positions\[5\]\.sources: /),
        expect.stringMatching(/^2026-06-positions\.json: positions\[7\]\.statement: /),
      ]),
    );
    expect(result.problems).toHaveLength(3);
  });

  it.each([
    ["release", "June", "release: must be a release id written YYYY-MM"],
    ["coverage", "2026-06-01 to 2026-03-06", "coverage: must be two dates"],
    ["noteJa", "", "noteJa: "],
    ["positions", [], "positions: a release carries at least one record"],
  ])("refuses a bad %s", (field, value, message) => {
    const result = parseReleaseFile(FILE, { ...copy(raw), [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("\n")).toContain(`${FILE}: ${message}`);
  });

  it("refuses duplicate ids and counts that disagree with the records", () => {
    const bad = copy(raw);
    bad.positions[4] = copy(bad.positions[2]);
    bad.counts = { positions: 18, byParty: { ua: 7, ru: 4, us: 4, eu: 2, nato: 1 } };
    const result = parseReleaseFile(FILE, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      `${FILE}: positions[4].id: duplicate position id '${bad.positions[2].id}'`,
      `${FILE}: counts.positions: announces 18 positions, the release carries 17`,
      `${FILE}: counts.byParty.nato: announces 1, the release carries 0`,
    ]);
  });
});

describe("planReleaseApplication", () => {
  const release = parse(raw);

  it("adds every new position of 2026-06 on top of the base, with the sources the base lacks", () => {
    const p = plan(baseState(), release);
    expect(p.alreadyApplied).toBe(false);
    expect(p.added.map((a) => a.position.id)).toEqual(raw.positions.map((r) => r.id));
    expect(p.changed).toEqual([]);
    expect(p.keptEdits).toEqual([]);
    expect(p.changes).toHaveLength(17);
    expect(p.changes.every((c) => c.change === "added" && c.releaseId === "2026-06")).toBe(true);
    for (const a of p.added) {
      expect(a.position.releaseId).toBe("2026-06");
      expect(a.sources.length).toBeGreaterThan(0);
    }
    const cited = new Set(p.added.flatMap((a) => a.sources.map((s) => s.sourceId)));
    const known = new Set(base.sources.map((s) => s.id));
    expect(p.newSources.map((s) => s.id).sort()).toEqual([...cited].filter((id) => !known.has(id)).sort());
    expect(p.release).toMatchObject({
      id: "2026-06",
      title: "Redlines reference dataset, release 2026-06",
      coverage: "2026-03-06 to 2026-06-01",
    });
    expect(JSON.parse(p.release.counts)).toEqual(raw.counts);
    expect(summarizeReleasePlan(p)).toMatch(/^release 2026-06: 17 positions added, 0 changed, 0 researcher edits/);
  });

  it("keeps the links and citations of each record in the release's order", () => {
    const p = plan(baseState(), release);
    const eu = p.added.find((a) => a.position.id === "eu-eu-membership-2026-03-19-euco25")!;
    expect(eu.clauses).toEqual([{ clauseId: "us-28-2025-11-20#11", ordinal: 0 }]);
    const rawEu = raw.positions.find((r) => r.id === eu.position.id)!;
    expect(eu.sources.map((s) => s.ordinal)).toEqual(rawEu.sources.map((_, i) => i));
  });

  it("changes nothing when the release is already applied", () => {
    const p = plan(baseState({ appliedReleaseIds: ["2026-03", "2026-06"] }), release);
    expect(p.alreadyApplied).toBe(true);
    expect([...p.added, ...p.changed, ...p.keptEdits, ...p.changes, ...p.newSources]).toEqual([]);
    expect(summarizeReleasePlan(p)).toBe("release 2026-06 is already applied; nothing to do");
  });

  describe("with records the database already holds", () => {
    const edited = "ua-territory-2025-11-20-unsc";
    const untouched = "ua-sovereignty-2025-03-17-sybiha";
    const same = "ru-territory-2025-06-02-memo";
    const withChanges = () => {
      const data = copy(raw);
      const a = referencePosition(edited);
      a.statement = `${a.statement} (corrected in 2026-06)`;
      const b = referencePosition(untouched);
      b.sources = [...b.sources].reverse();
      b.relatesToClauses = ["us-28-2025-11-20#2"];
      data.positions.push(a, b, referencePosition(same));
      data.counts = { positions: data.positions.length };
      return parse(data);
    };

    it("changes a record nobody edited, and says which fields", () => {
      const p = plan(baseState({ positions: [current(untouched), current(same)] }), withChanges());
      const changed = p.changed.find((c) => c.position.id === untouched)!;
      expect(changed.fields).toEqual(["relatesToClauses", "sources"]);
      expect(changed.expectedVersion).toBe(1);
      expect(changed.position.releaseId).toBe("2026-06");
      expect(changed.clauses).toEqual([{ clauseId: "us-28-2025-11-20#2", ordinal: 0 }]);
      expect(p.unchanged).toEqual([same]);
      expect(p.changes).toContainEqual({
        releaseId: "2026-06",
        entityType: "position",
        entityId: untouched,
        change: "changed",
      });
      expect(p.changes.some((c) => c.entityId === same)).toBe(false);
    });

    it("keeps a researcher's edit and flags it for review instead of overwriting it", () => {
      const editedNow = current(edited, {
        editedAt: new Date("2026-04-01T10:00:00Z"),
        version: 3,
        reviewNote: "Earlier note.",
      });
      editedNow.position = { ...editedNow.position, statement: "A researcher's corrected statement." };
      const p = plan(baseState({ positions: [editedNow] }), withChanges());
      expect(p.changed.some((c) => c.position.id === edited)).toBe(false);
      expect(p.keptEdits).toEqual([
        {
          id: edited,
          expectedVersion: 3,
          fields: ["statement"],
          reviewNote: expect.stringMatching(/^Earlier note\.\nRelease 2026-06 changes statement of this record/),
        },
      ]);
      expect(p.changes).toContainEqual({
        releaseId: "2026-06",
        entityType: "position",
        entityId: edited,
        change: "kept-edit",
      });
    });

    it("does not flag an edited record the release carries exactly as it stands", () => {
      const data = copy(raw);
      data.positions.push(referencePosition(same));
      data.counts = { positions: data.positions.length };
      const p = plan(baseState({ positions: [current(same, { editedAt: new Date() })] }), parse(data));
      expect(p.keptEdits).toEqual([]);
      expect(p.unchanged).toEqual([same]);
    });
  });

  it("refuses a release that refers to records the database does not hold, naming each", () => {
    const data = copy(raw);
    data.positions[0].party = "xx";
    data.positions[1].dimension = "weather";
    data.positions[2].relatesToClauses = ["us-28-2025-11-20#99"];
    data.positions[3].relatesToDocuments = ["no-such-doc"];
    data.counts = { positions: 17 };
    const result = planReleaseApplication(baseState(), parse(data));
    expect(result).toEqual({
      ok: false,
      problems: [
        `${FILE}: positions[0] (${data.positions[0].id}).party: unknown party 'xx'`,
        `${FILE}: positions[1] (${data.positions[1].id}).dimension: unknown dimension 'weather'`,
        `${FILE}: positions[2] (${data.positions[2].id}).relatesToClauses: unknown clause 'us-28-2025-11-20#99'`,
        `${FILE}: positions[3] (${data.positions[3].id}).relatesToDocuments: unknown document 'no-such-doc'`,
      ],
    });
  });

  it("refuses a release older than one already applied, and any release before the base", () => {
    const older = planReleaseApplication(baseState({ appliedReleaseIds: ["2026-03", "2026-09"] }), release);
    expect(older).toEqual({
      ok: false,
      problems: [
        `${FILE}: release: '2026-06' is older than the newest applied release '2026-09'; releases are applied in order`,
      ],
    });
    const empty = planReleaseApplication(baseState({ appliedReleaseIds: [] }), release);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems[0]).toMatch(/holds no release yet/);
  });
});

describe("findChangedFields", () => {
  it("sees a change in the order of sources or links, not only in their members", () => {
    const a = current("ua-territory-2025-11-20-unsc");
    expect(findChangedFields(a, copy(a))).toEqual([]);
    const reordered = copy(a);
    reordered.sources = reordered.sources.map((s, i, all) => ({ ...all[all.length - 1 - i], ordinal: i }));
    expect(a.sources.length).toBeGreaterThan(1);
    expect(findChangedFields(a, reordered)).toEqual(["sources"]);
    const renoted = copy(a);
    renoted.sources[0] = { ...renoted.sources[0], note: "a different note" };
    expect(findChangedFields(a, renoted)).toEqual(["sources"]);
    const moved = copy(a);
    moved.position = { ...moved.position, dimensionId: "sovereignty", date: "2025-11-21" };
    expect(findChangedFields(a, moved)).toEqual(["dimension", "date"]);
  });
});

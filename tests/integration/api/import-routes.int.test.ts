/**
 * POST /api/import against the seeded database: who may import, what a saved import writes (in one transaction,
 * with one audit event), what a dry run answers, and that every bad input is refused with nothing written.
 */
import * as compareRoute from "@/app/api/compare/route";
import * as importRoute from "@/app/api/import/route";
import * as matrixRoute from "@/app/api/documents/[id]/matrix/route";
import type { TCompareEntry } from "@/lib/domain/compare";
import { planImport } from "@/lib/domain/import/plan-import";
import { findImportBase, saveImportedDocument } from "@/lib/data/import.repository";
import { createTestActor, type TTestActor } from "../../helpers/actors";
import { expectErrorShape } from "../../helpers/error-shape";
import { setupTestDb } from "../../helpers/test-db";

const { db } = setupTestDb("seeded");

const BASE = "us-28-2025-11-20";
let editor: TTestActor;
let viewer: TTestActor;
/** The 28-point plan as a researcher would paste a later version: 6 reworded, 26 dropped, one point added. */
let text: string;

const PROVENANCE = {
  title: "Revised 28-point plan (test import)",
  date: "2025-11-30",
  origin: "Test text assembled from the reference summaries.",
  completeness: "full",
  sources: [{ outlet: "Example Wire", url: "https://example.org/revised-plan", date: "2025-11-30" }],
};
const NEW_ID = "revised-28-point-plan-test-import-2025-11-30";

beforeAll(async () => {
  editor = await createTestActor(db(), "editor");
  viewer = await createTestActor(db(), "viewer");
  const clauses = await db().clause.findMany({
    where: { documentId: BASE },
    select: { number: true, text: true },
    orderBy: { ordinal: "asc" },
  });
  const kept = clauses.filter((c) => c.number !== "26");
  const lines = kept.map((c, k) => {
    const body = c.number === "6" ? c.text.replace(/600,000/g, "800,000") + " In peacetime only." : c.text;
    return `${k + 1}. ${body}`;
  });
  lines.push(`${kept.length + 1}. A ceasefire monitoring mission reports to the parties every month.`);
  text = `Revised plan (test)\n\n${lines.join("\n")}\n`;
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await importRoute.POST(
    new Request("http://localhost/api/import", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    {},
  );
  return { status: response.status, body: await response.json() };
}

async function countRows() {
  const d = db();
  const [documents, clauses, alignments, assessments, evidence, audit, sources, clauseSources, topics] =
    await Promise.all([
      d.document.count(),
      d.clause.count(),
      d.alignment.count(),
      d.assessment.count(),
      d.assessmentEvidence.count(),
      d.auditEvent.count(),
      d.source.count(),
      d.clauseSource.count(),
      d.clauseTopic.count(),
    ]);
  return { documents, clauses, alignments, assessments, evidence, audit, sources, clauseSources, topics };
}

describe("POST /api/import: who may import", () => {
  it("answers 401 to an anonymous caller and writes nothing", async () => {
    const before = await countRows();
    const { status, body } = await post({ text, baseDocumentId: BASE, provenance: PROVENANCE });
    expect(status).toBe(401);
    expectErrorShape(body, "UNAUTHORIZED");
    expect(await countRows()).toEqual(before);
  });

  it("answers 403 to a viewer and writes nothing", async () => {
    const before = await countRows();
    const { status, body } = await post({ text, baseDocumentId: BASE, provenance: PROVENANCE }, viewer.headers);
    expect(status).toBe(403);
    expectErrorShape(body, "FORBIDDEN", /viewer/);
    expect(await countRows()).toEqual(before);
  });
});

describe("POST /api/import: a dry run", () => {
  it("answers the parsed clauses and the proposed alignment to anyone, and writes nothing", async () => {
    const before = await countRows();
    const { status, body } = await post({ text, baseDocumentId: BASE, dryRun: true });
    expect(status).toBe(200);
    expect(body.data.dryRun).toBe(true);
    expect(body.data.preview.parsed.clauses).toHaveLength(28);
    expect(body.data.preview.parsed.preamble).toBe("Revised plan (test)");
    const links = body.data.preview.proposed as { fromNumber: string; toNumber: string; relation: string }[];
    expect(links.find((l) => l.fromNumber === "1")).toMatchObject({ toNumber: "1", relation: "unchanged" });
    expect(links.find((l) => l.fromNumber === "6")).toMatchObject({ toNumber: "6", relation: "modified" });
    expect(links.find((l) => l.fromNumber === "27")).toMatchObject({ toNumber: "26", relation: "moved" });
    expect(links.find((l) => l.fromNumber === "26")).toMatchObject({ toNumber: null, relation: "removed" });
    expect(links.find((l) => l.toNumber === "28")).toMatchObject({ fromNumber: null, relation: "added" });
    expect(body.data.plan).toBeNull();
    expect(await countRows()).toEqual(before);
  });

  it("parses without a base document, and with provenance checks the whole plan", async () => {
    const parsedOnly = await post({ text, dryRun: true });
    expect(parsedOnly.status).toBe(200);
    expect(parsedOnly.body.data.preview.proposed).toBeNull();
    const before = await countRows();
    const full = await post({ text, baseDocumentId: BASE, provenance: PROVENANCE, dryRun: true });
    expect(full.body.data.plan).toMatchObject({ documentId: NEW_ID, conflict: false });
    expect(full.body.data.plan.summary.inheritedAssessments).toBeGreaterThan(0);
    expect(await countRows()).toEqual(before);
  });
});

describe("POST /api/import: bad input is refused and changes nothing", () => {
  const valid = () => ({ text, baseDocumentId: BASE, provenance: PROVENANCE });
  it.each([
    ["empty text", () => ({ ...valid(), text: "" }), 400, /'?text'?.*empty|The text is empty/],
    ["text without numbering", () => ({ ...valid(), text: "Sovereignty.\nArmy." }), 400, /No numbered points/],
    [
      "duplicate numbers",
      () => ({ ...valid(), text: "1. Sovereignty.\n2. Army.\n2. Amnesty." }),
      400,
      /used more than once/,
    ],
    ["binary text", () => ({ ...valid(), text: "1. Sovereignty\u0000\u0001" }), 400, /NUL bytes/],
    ["text that is not a string", () => ({ ...valid(), text: 42 }), 400, /'text'/],
    ["text over 1 MB", () => ({ ...valid(), text: `1. ${"a".repeat(1024 * 1024)}` }), 413, /1 MB/],
    ["no base document", () => ({ ...valid(), baseDocumentId: undefined }), 400, /'baseDocumentId'/],
    ["a malformed base id", () => ({ ...valid(), baseDocumentId: "US 28" }), 400, /'baseDocumentId'/],
    ["an unknown base document", () => ({ ...valid(), baseDocumentId: "no-such-doc" }), 404, /no-such-doc/],
    ["no provenance", () => ({ ...valid(), provenance: undefined }), 400, /'provenance'/],
    [
      "a provenance without sources",
      () => ({ ...valid(), provenance: { ...PROVENANCE, sources: [] } }),
      400,
      /provenance\.sources: Give at least one source/,
    ],
    [
      "a plain-http source",
      () => ({ ...valid(), provenance: { ...PROVENANCE, sources: [{ outlet: "X", url: "http://x.org" }] } }),
      400,
      /provenance\.sources\.0\.url/,
    ],
    ["a bad date", () => ({ ...valid(), provenance: { ...PROVENANCE, date: "30 Nov 2025" } }), 400, /provenance\.date/],
    [
      "a correction naming a missing point",
      () => ({ ...valid(), corrections: [{ toNumber: "99", fromNumber: "1", relation: "modified" }] }),
      400,
      /point 99, which the text does not have/,
    ],
    ["an unknown field", () => ({ ...valid(), extra: 1 }), 400, /'extra'/],
    ["a body that is not JSON", () => "text=1.%20Sovereignty", 400, /must be JSON/],
  ] as [string, () => unknown, number, RegExp][])("%s", async (_name, body, status, message) => {
    const before = await countRows();
    const result = await post(body(), editor.headers);
    expect(result.status).toBe(status);
    expectErrorShape(
      result.body,
      status === 413 ? "PAYLOAD_TOO_LARGE" : status === 404 ? "NOT_FOUND" : "BAD_REQUEST",
      message,
    );
    expect(await countRows()).toEqual(before);
  });

  it("refuses a body over the size limit before reading it all", async () => {
    const before = await countRows();
    const result = await post(JSON.stringify({ text: "x".repeat(4 * 1024 * 1024) }), editor.headers);
    expect(result.status).toBe(413);
    expectErrorShape(result.body, "PAYLOAD_TOO_LARGE");
    expect(await countRows()).toEqual(before);
  });

  it("writes nothing when the write fails half-way (one transaction)", async () => {
    const base = (await findImportBase(BASE, ["reference", "consensus"], db()))!;
    const plan = planImport({ text, base, provenance: { ...PROVENANCE, title: "Half-way failure" } });
    // A clause id used twice makes the clause insert fail after the document and its sources were written.
    const broken = { ...plan, clauses: [...plan.clauses, plan.clauses[0]] };
    const before = await countRows();
    await expect(
      saveImportedDocument(broken, { actorId: editor.userId, action: "document:import" }, new Date(), db()),
    ).rejects.toThrow();
    expect(await countRows()).toEqual(before);
  });
});

describe("POST /api/import by an editor", () => {
  let before: Awaited<ReturnType<typeof countRows>>;
  let saved: { status: number; body: { data: { documentId: string; summary: Record<string, unknown> } } };

  beforeAll(async () => {
    before = await countRows();
    saved = await post({ text, baseDocumentId: BASE, provenance: PROVENANCE }, editor.headers);
  });

  it("answers 201 with the new document's id", () => {
    expect(saved.status).toBe(201);
    expect(saved.body.data).toMatchObject({ dryRun: false, documentId: NEW_ID, baseDocumentId: BASE });
  });

  it("writes the document, its clauses with sources, the confirmed alignments and one audit event", async () => {
    const after = await countRows();
    expect(after.documents - before.documents).toBe(1);
    expect(after.clauses - before.clauses).toBe(28);
    expect(after.alignments - before.alignments).toBe(29); // 27 pairs, 1 removed, 1 added
    expect(after.clauseSources - before.clauseSources).toBe(28);
    expect(after.sources - before.sources).toBe(1);
    expect(after.audit - before.audit).toBe(1);

    const document = await db().document.findUniqueOrThrow({
      where: { id: NEW_ID },
      select: { title: true, date: true, completeness: true, ordinal: true, sources: { select: { sourceId: true } } },
    });
    expect(document).toMatchObject({ title: PROVENANCE.title, date: "2025-11-30", completeness: "full" });
    expect(document.ordinal).toBe(before.documents);
    expect(document.sources).toHaveLength(1);
    const alignments = await db().alignment.findMany({
      where: { toDocumentId: NEW_ID },
      select: { origin: true, relation: true, confidence: true },
    });
    expect(alignments.every((a) => a.origin === "confirmed" && a.confidence !== null)).toBe(true);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: NEW_ID } });
    expect(audit).toMatchObject({
      actorId: editor.userId,
      action: "document:import",
      entityType: "document",
      before: null,
    });
    expect(JSON.parse(audit.after!)).toMatchObject({ documentId: NEW_ID, baseDocumentId: BASE, clauses: 28 });
  });

  it("carries the base's assessments to unchanged points only, marked inherited with their evidence", async () => {
    const inherited = await db().assessment.findMany({
      where: { clause: { documentId: NEW_ID } },
      select: {
        clauseId: true,
        partyId: true,
        score: true,
        status: true,
        inheritedFromId: true,
        evidence: { select: { positionId: true }, orderBy: { ordinal: "asc" } },
      },
    });
    const after = await countRows();
    expect(after.assessments - before.assessments).toBe(inherited.length);
    expect(inherited.length).toBeGreaterThan(0);
    expect(inherited.every((a) => a.status === "inherited")).toBe(true);
    expect(inherited.some((a) => a.clauseId === `${NEW_ID}#6`)).toBe(false);
    const ua1 = inherited.find((a) => a.clauseId === `${NEW_ID}#1` && a.partyId === "ua")!;
    const source = await db().assessment.findUniqueOrThrow({
      where: { id: ua1.inheritedFromId! },
      select: {
        clauseId: true,
        score: true,
        evidence: { select: { positionId: true }, orderBy: { ordinal: "asc" } },
      },
    });
    expect(source.clauseId).toBe(`${BASE}#1`);
    expect(ua1.score).toBe(source.score);
    expect(ua1.evidence).toEqual(source.evidence);
  });

  it("shows the inherited cells in the matrix as inherited (needs review), the base's as final", async () => {
    const matrixOf = async (id: string) => {
      const response = await matrixRoute.GET(new Request(`http://localhost/api/documents/${id}/matrix`), {
        params: Promise.resolve({ id }),
      });
      return (await response.json()).data as {
        rows: { number: string; cells: { partyId: string; status: string | null; score: number | null }[] }[];
      };
    };
    const imported = await matrixOf(NEW_ID);
    const cellsOf = (m: typeof imported, number: string) => m.rows.find((r) => r.number === number)!.cells;
    expect(cellsOf(imported, "1").map((c) => c.status)).toEqual([
      "inherited",
      "inherited",
      "inherited",
      "inherited",
      "inherited",
    ]);
    expect(cellsOf(imported, "6").map((c) => c.status)).toEqual([null, null, null, null, null]);
    const base = await matrixOf(BASE);
    expect(cellsOf(base, "1").map((c) => c.status)).toEqual(["final", "final", "final", "final", "final"]);
    expect(cellsOf(imported, "1").map((c) => c.score)).toEqual(cellsOf(base, "1").map((c) => c.score));
  });

  it("shows on the compare view as confirmed pairs", async () => {
    const response = await compareRoute.GET(new Request(`http://localhost/api/compare?from=${BASE}&to=${NEW_ID}`), {});
    const body = await response.json();
    expect(response.status).toBe(200);
    const pairs = body.data.comparison.pairs as TCompareEntry[];
    expect(pairs.every((p) => p.source === "confirmed")).toBe(true);
    expect(body.data.comparison.summary.proposed).toBe(0);
    expect(body.data.comparison.summary.counts).toMatchObject({ modified: 1, removed: 1, added: 1 });
    const army = pairs.find((p) => p.from[0].number === "6")!;
    expect(army.to[0].sources[0].url).toBe("https://example.org/revised-plan");
  });

  it("answers 409 when the same title and date are imported again, and writes nothing", async () => {
    const now = await countRows();
    const again = await post({ text, baseDocumentId: BASE, provenance: PROVENANCE }, editor.headers);
    expect(again.status).toBe(409);
    expectErrorShape(again.body, "CONFLICT", new RegExp(NEW_ID));
    expect(await countRows()).toEqual(now);
  });
});

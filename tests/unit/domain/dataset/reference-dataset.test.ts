/**
 * Integrity of the shipped reference dataset, read as the seed reads it: the counts the project promises, every
 * reference resolving, every record with a source, every Japanese text kept.
 */
import { toClauseId } from "@/lib/domain/ids";
import { checkReferenceIntegrity, parseReferenceDataset } from "@/lib/domain/dataset/integrity";
import { toDatasetRows } from "@/lib/domain/dataset/rows";
import { SCALE } from "@/lib/domain/scale";
import { POSITION_KIND_LABELS } from "@/lib/domain/vocabulary";
import { BASE_RELEASE, readReferenceDataset } from "@/prisma/seed/reference";
import { readRawReference } from "../../../helpers/reference";

type TRaw = {
  documents: {
    documents: { id: string; sources: unknown[]; clauses: { number: string; sources: unknown[] }[] }[];
    alignments: unknown[];
  };
  positions: { positions: { id: string; sources: unknown[] }[] };
};

const reference = readReferenceDataset();
const rows = toDatasetRows(reference, BASE_RELEASE);

describe("the reference dataset (release 2026-03)", () => {
  it("has the promised counts", () => {
    expect({
      documents: rows.documents.length,
      clauses: rows.clauses.length,
      alignments: rows.alignments.length,
      parties: rows.parties.length,
      dimensions: rows.dimensions.length,
      positions: rows.positions.length,
      assessments: rows.assessments.length,
    }).toEqual({
      documents: 14,
      clauses: 139,
      alignments: 38,
      parties: 5,
      dimensions: 20,
      positions: 204,
      assessments: 240,
    });
    expect(rows.clauses.filter((c) => c.documentId === "us-28-2025-11-20")).toHaveLength(28);
  });

  it("holds together: no dangling reference, no duplicate id", () => {
    expect(checkReferenceIntegrity(reference)).toEqual([]);
  });

  it("gives every document, clause and position at least one source, and keeps every citation", () => {
    const raw = readRawReference() as unknown as TRaw;
    const citations =
      raw.documents.documents.reduce(
        (n, d) => n + d.sources.length + d.clauses.reduce((m, c) => m + c.sources.length, 0),
        0,
      ) + raw.positions.positions.reduce((n, p) => n + p.sources.length, 0);
    expect(rows.documentSources.length + rows.clauseSources.length + rows.positionSources.length).toBe(citations);
    for (const d of rows.documents) expect(rows.documentSources.some((s) => s.documentId === d.id)).toBe(true);
    for (const c of rows.clauses) expect(rows.clauseSources.some((s) => s.clauseId === c.id)).toBe(true);
    for (const p of rows.positions) expect(rows.positionSources.some((s) => s.positionId === p.id)).toBe(true);
    const sourceIds = new Set(rows.sources.map((s) => s.id));
    for (const s of [...rows.documentSources, ...rows.clauseSources, ...rows.positionSources]) {
      expect(sourceIds.has(s.sourceId)).toBe(true);
    }
  });

  it("gives every assessment its sources through its evidence (or none, for 'no stated position')", () => {
    for (const a of rows.assessments) {
      const evidence = rows.assessmentEvidence.filter((e) => e.assessmentId === a.id);
      if (a.score === null) expect(evidence).toEqual([]);
      else expect(evidence.length).toBeGreaterThan(0);
    }
  });

  it("keeps every Japanese text", () => {
    for (const d of rows.documents) expect([d.titleJa, d.originJa].every(Boolean)).toBe(true);
    for (const c of rows.clauses) expect([c.headingJa, c.textJa].every(Boolean)).toBe(true);
    for (const p of rows.positions) expect([p.statementJa, p.speakerJa].every(Boolean)).toBe(true);
    for (const p of rows.parties) expect(p.nameJa).toBeTruthy();
    for (const d of rows.dimensions) expect([d.labelJa, d.descriptionJa].every(Boolean)).toBe(true);
    for (const a of rows.assessments) expect(a.rationaleJa).toBeTruthy();
  });

  it("keeps clause order and numbering as the documents give them", () => {
    for (const doc of reference.documents.documents) {
      const mine = rows.clauses.filter((c) => c.documentId === doc.id).sort((a, b) => a.ordinal - b.ordinal);
      expect(mine.map((c) => c.id)).toEqual(doc.clauses.map((c) => toClauseId(doc.id, c.number)));
    }
  });

  it("states the same scale and position kinds as the app's vocabulary", () => {
    expect(
      reference.codings.scale.map(({ score, label, labelJa, description, descriptionJa }) => ({
        score,
        label,
        labelJa,
        description,
        descriptionJa,
      })),
    ).toEqual(
      SCALE.map(({ score, label, labelJa, description, descriptionJa }) => ({
        score,
        label,
        labelJa,
        description,
        descriptionJa,
      })),
    );
    for (const kind of reference.parties.positionKinds)
      expect(POSITION_KIND_LABELS[kind.id].labelJa).toBe(kind.labelJa);
  });
});

describe("parseReferenceDataset", () => {
  it("refuses a broken copy and names the record and field", () => {
    const raw = readRawReference() as unknown as TRaw & Record<string, unknown>;
    const broken = structuredClone(raw) as typeof raw;
    (broken.positions.positions[3] as Record<string, unknown>).date = "yesterday";
    (broken.documents.documents[0].clauses[0] as Record<string, unknown>).sources = [];
    const result = parseReferenceDataset(broken as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^positions\.json: positions\[3\]\.date: /),
        expect.stringMatching(/^documents\.json: documents\[0\]\.clauses\[0\]\.sources: /),
      ]),
    );
  });

  it("finds dangling references that each file alone cannot see", () => {
    const broken = structuredClone(reference);
    broken.positions.positions[0].relatesToClauses = ["us-28-2025-11-20#99"];
    broken.codings.assessments[0].evidence = ["no-such-position"];
    broken.documents.alignments[0].to = "no-such-document#1";
    expect(checkReferenceIntegrity(broken)).toEqual([
      "documents.json: alignments[0].to: unknown document 'no-such-document'",
      `positions.json: positions[0] (${broken.positions.positions[0].id}).relatesToClauses: unknown clause 'us-28-2025-11-20#99'`,
      "codings.json: assessments[0] (us-28-2025-11-20#1 × ua).evidence: unknown position 'no-such-position'",
    ]);
  });
});

/**
 * A synthetic negotiation for benchmarks, shaped like the reference dataset but of any size: one document of
 * `clauses` clauses, `parties` parties, the reference codebook's 20 dimensions, dated positions (a quarter of them
 * red lines) and one reference assessment per clause × party with up to three evidence positions.
 * Deterministic: the same options give the same rows.
 */
import { toAssessmentId, type TDatasetRows } from "@/lib/domain/dataset/rows";
import { toClauseId, toSourceId } from "@/lib/domain/ids";
import { POSITION_KINDS } from "@/lib/domain/vocabulary";

export const SYNTHETIC_DOCUMENT = "synthetic-plan";

const DIMENSIONS = [
  "sovereignty",
  "non-aggression",
  "nato-alliance",
  "military-limits",
  "foreign-troops",
  "security-guarantees",
  "territory",
  "ceasefire-monitoring",
  "sanctions",
  "frozen-assets",
  "reconstruction-economy",
  "russia-west-relations",
  "nuclear-safety",
  "humanitarian",
  "language-religion",
  "elections-governance",
  "amnesty-accountability",
  "eu-membership",
  "implementation",
  "framework",
];

const WORDS = (
  "ceasefire line guarantee sanctions assets troops referendum border monitoring mission treaty amnesty elections " +
  "reconstruction fund recognition neutrality alliance deployment withdrawal verification sovereignty zone council " +
  "energy plant exchange prisoners corridor language church security commitment"
).split(" ");

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSyntheticDataset({
  clauses,
  parties,
  seed = 42,
}: {
  clauses: number;
  parties: number;
  seed?: number;
}): TDatasetRows {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const releaseId = "synthetic";
  const source = {
    id: toSourceId("https://example.org/synthetic", "Synthetic outlet", "2025-01-01"),
    url: "https://example.org/synthetic",
    outlet: "Synthetic outlet",
    date: "2025-01-01",
  };

  const rows: TDatasetRows = {
    release: { id: releaseId, title: "Synthetic benchmark dataset" },
    sources: [source],
    documents: [
      {
        id: SYNTHETIC_DOCUMENT,
        ordinal: 0,
        title: `Synthetic plan of ${clauses} clauses`,
        titleJa: `${clauses}条項の合成データ`,
        date: "2025-11-20",
        origin: "Generated for benchmarks",
        originJa: "ベンチマーク用に生成",
        completeness: "full",
        note: null,
        noteJa: null,
        releaseId,
      },
    ],
    documentSources: [{ documentId: SYNTHETIC_DOCUMENT, ordinal: 0, sourceId: source.id, note: null }],
    clauses: [],
    clauseTopics: [],
    clauseSources: [],
    alignments: [],
    parties: Array.from({ length: parties }, (_, i) => ({
      id: `party-${i + 1}`,
      ordinal: i,
      name: `Party ${i + 1}`,
      nameJa: `当事者${i + 1}`,
      kind: "state",
      note: null,
      noteJa: null,
    })),
    dimensions: DIMENSIONS.map((id, ordinal) => ({
      id,
      ordinal,
      label: id,
      labelJa: id,
      description: `Synthetic dimension ${id}`,
      descriptionJa: `合成の分析次元 ${id}`,
    })),
    positions: [],
    positionClauses: [],
    positionDocuments: [],
    positionSources: [],
    coders: [
      { id: "reference", name: "Reference coding", kind: "reference", method: null, methodJa: null, codedOn: null },
    ],
    assessments: [],
    assessmentEvidence: [],
  };

  for (let i = 0; i < clauses; i++) {
    const id = toClauseId(SYNTHETIC_DOCUMENT, String(i + 1));
    rows.clauses.push({
      id,
      documentId: SYNTHETIC_DOCUMENT,
      number: String(i + 1),
      ordinal: i,
      heading: sentence(3),
      headingJa: null,
      text: sentence(24),
      textJa: null,
      note: null,
      noteJa: null,
    });
    const topics = new Set([pick(DIMENSIONS), pick(DIMENSIONS)]);
    [...topics].forEach((dimensionId, ordinal) => rows.clauseTopics.push({ clauseId: id, dimensionId, ordinal }));
    rows.clauseSources.push({ clauseId: id, ordinal: 0, sourceId: source.id, note: null });
  }

  const positionsPerParty = Math.max(8, Math.ceil(clauses / 10));
  const partyPositions = new Map<string, string[]>();
  for (const party of rows.parties) {
    const ids: string[] = [];
    for (let j = 0; j < positionsPerParty; j++) {
      const id = `${party.id}-position-${j + 1}`;
      ids.push(id);
      rows.positions.push({
        id,
        partyId: party.id,
        actor: null,
        dimensionId: pick(DIMENSIONS),
        kind: j % 4 === 0 ? "red-line" : pick(POSITION_KINDS),
        statement: sentence(20),
        statementJa: null,
        speaker: `Speaker of ${party.name}`,
        speakerJa: null,
        date: day(Math.floor(random() * 700)),
        note: null,
        noteJa: null,
        releaseId,
      });
      rows.positionSources.push({ positionId: id, ordinal: 0, sourceId: source.id, note: null });
      rows.positionClauses.push({
        positionId: id,
        clauseId: toClauseId(SYNTHETIC_DOCUMENT, String(1 + Math.floor(random() * clauses))),
        ordinal: 0,
      });
    }
    partyPositions.set(party.id, ids);
  }

  for (const clause of rows.clauses) {
    for (const party of rows.parties) {
      const score = random() < 0.3 ? null : Math.floor(random() * 5) - 2;
      const id = toAssessmentId("reference", clause.id, party.id);
      rows.assessments.push({
        id,
        clauseId: clause.id,
        partyId: party.id,
        coderId: "reference",
        score,
        rationale: sentence(15),
        rationaleJa: null,
        confidence: pick(["high", "medium", "low"]),
      });
      if (score === null) continue;
      const evidence = new Set(
        Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(partyPositions.get(party.id)!)),
      );
      [...evidence].forEach((positionId, ordinal) =>
        rows.assessmentEvidence.push({ assessmentId: id, positionId, ordinal }),
      );
    }
  }
  return rows;
}

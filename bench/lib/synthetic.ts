/**
 * A synthetic negotiation for benchmarks, shaped like the reference dataset but of any size: one document of
 * `clauses` clauses, `parties` parties, the reference codebook's 20 dimensions, dated positions (a quarter of them
 * red lines) and one reference assessment per clause × party with up to three evidence positions.
 * With `revision`, a second version of the document follows (see `addRevision`), with the stored alignments between
 * the two; the rows of the first version are the same with or without it.
 * Deterministic: the same options give the same rows.
 */
import { toAlignmentId, toAssessmentId, type TDatasetRows } from "@/lib/domain/dataset/rows";
import { toClauseId, toSourceId } from "@/lib/domain/ids";
import { POSITION_KINDS } from "@/lib/domain/vocabulary";

export const SYNTHETIC_DOCUMENT = "synthetic-plan";
export const SYNTHETIC_REVISION = "synthetic-plan-revised";

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
  revision = false,
}: {
  clauses: number;
  parties: number;
  seed?: number;
  /** Adds SYNTHETIC_REVISION, a later version of SYNTHETIC_DOCUMENT, and the alignments between them. */
  revision?: boolean;
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
  if (revision) addRevision(rows, mulberry32(seed + 1), source.id);
  return rows;
}

type TRevisedDraft = { heading: string; text: string; topics: string[]; origins: number[]; reworded: boolean };

/**
 * Appends a later version of SYNTHETIC_DOCUMENT edited the way plan versions are edited, and the researchers'
 * alignments from the first version to it, covering every clause of both (so the comparison needs no proposal):
 * about 3% of clauses removed, 3% merged with the next, 3% split in two, 30% reworded at word level (a fifth of
 * their words replaced, some dropped or inserted), 3% new clauses added, up to 1% of the unchanged ones moved elsewhere;
 * the result is renumbered 1..m, so numbers stop matching after the first edit. Draws from its own `random`, so the
 * first version's rows do not depend on it.
 */
function addRevision(rows: TDatasetRows, random: () => number, sourceId: string): void {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const original = rows.clauses.filter((c) => c.documentId === SYNTHETIC_DOCUMENT);
  const topicsOf = new Map<string, string[]>();
  for (const t of rows.clauseTopics) topicsOf.set(t.clauseId, [...(topicsOf.get(t.clauseId) ?? []), t.dimensionId]);
  const reword = (text: string) =>
    text
      .split(" ")
      .flatMap((w) => {
        const roll = random();
        if (roll < 0.15) return [pick(WORDS)];
        if (roll < 0.18) return [];
        if (roll < 0.21) return [w, pick(WORDS)];
        return [w];
      })
      .join(" ");

  const drafts: TRevisedDraft[] = [];
  const removed: number[] = [];
  const split = new Set<number>();
  for (let k = 0; k < original.length; k++) {
    const c = original[k];
    const topics = topicsOf.get(c.id) ?? [];
    const roll = random();
    if (roll < 0.03) {
      removed.push(k);
    } else if (roll < 0.06 && k + 1 < original.length) {
      const next = original[++k];
      drafts.push({
        heading: c.heading,
        text: `${c.text} ${next.text}`,
        topics: [...new Set([...topics, ...(topicsOf.get(next.id) ?? [])])],
        origins: [k - 1, k],
        reworded: true,
      });
    } else if (roll < 0.09) {
      split.add(k);
      const words = c.text.split(" ");
      const cut = Math.floor(words.length / 2);
      drafts.push(
        { heading: c.heading, text: words.slice(0, cut).join(" "), topics, origins: [k], reworded: true },
        {
          heading: `${c.heading} ${pick(WORDS)}`,
          text: words.slice(cut).join(" "),
          topics,
          origins: [k],
          reworded: true,
        },
      );
    } else if (roll < 0.39) {
      drafts.push({ heading: c.heading, text: reword(c.text), topics, origins: [k], reworded: true });
    } else {
      drafts.push({ heading: c.heading, text: c.text, topics, origins: [k], reworded: false });
    }
    if (random() < 0.03)
      drafts.push({
        heading: Array.from({ length: 3 }, () => pick(WORDS)).join(" "),
        text: Array.from({ length: 24 }, () => pick(WORDS)).join(" "),
        topics: [pick(DIMENSIONS)],
        origins: [],
        reworded: false,
      });
  }
  const moved = new Set<TRevisedDraft>();
  for (let m = 0; m < Math.max(1, Math.round(original.length / 100)); m++) {
    const at = Math.floor(random() * drafts.length);
    const draft = drafts[at];
    if (draft.reworded || draft.origins.length !== 1 || moved.has(draft)) continue;
    drafts.splice(at, 1);
    drafts.splice(Math.floor(random() * drafts.length), 0, draft);
    moved.add(draft);
  }

  const count = drafts.length;
  rows.documents.push({
    id: SYNTHETIC_REVISION,
    ordinal: 1,
    title: `Synthetic plan of ${original.length} clauses, revised (${count} clauses)`,
    titleJa: `${original.length}条項の合成データ（改訂版、${count}条項）`,
    date: "2025-11-27",
    origin: "Generated for benchmarks",
    originJa: "ベンチマーク用に生成",
    completeness: "full",
    note: null,
    noteJa: null,
    releaseId: rows.release.id,
  });
  rows.documentSources.push({ documentId: SYNTHETIC_REVISION, ordinal: 0, sourceId, note: null });
  const link = (from: string | null, to: string | null, relation: string) =>
    rows.alignments.push({
      id: toAlignmentId(from ?? SYNTHETIC_DOCUMENT, to ?? SYNTHETIC_REVISION),
      ordinal: rows.alignments.length,
      fromDocumentId: SYNTHETIC_DOCUMENT,
      fromClauseId: from,
      toDocumentId: SYNTHETIC_REVISION,
      toClauseId: to,
      relation,
      note: null,
      noteJa: null,
    });
  drafts.forEach((d, k) => {
    const id = toClauseId(SYNTHETIC_REVISION, String(k + 1));
    rows.clauses.push({
      id,
      documentId: SYNTHETIC_REVISION,
      number: String(k + 1),
      ordinal: k,
      heading: d.heading,
      headingJa: null,
      text: d.text,
      textJa: null,
      note: null,
      noteJa: null,
    });
    d.topics.forEach((dimensionId, ordinal) => rows.clauseTopics.push({ clauseId: id, dimensionId, ordinal }));
    rows.clauseSources.push({ clauseId: id, ordinal: 0, sourceId, note: null });
    if (d.origins.length === 0) link(null, id, "added");
    for (const o of d.origins) {
      const relation =
        d.origins.length > 1
          ? "merged"
          : split.has(o)
            ? "split"
            : moved.has(d)
              ? "moved"
              : d.reworded
                ? "modified"
                : "unchanged";
      link(original[o].id, id, relation);
    }
  });
  for (const k of removed) link(original[k].id, null, "removed");
}

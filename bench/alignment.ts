/**
 * Alignment benchmark: how well proposeAlignment matches the reference alignments of the shipped dataset, and how
 * long it takes on two synthetic 500-clause documents. Prints figures; asserts nothing.
 *
 *   npx tsx bench/alignment.ts
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { proposeAlignment, type TAlignmentClause } from "@/lib/domain/alignment";
import {
  computeAlignmentEvaluation,
  computeReferenceEvaluation,
  type TRatio,
  type TReferenceEvaluation,
  type TReferenceLink,
} from "@/lib/domain/alignment-evaluation";
import { ZReferenceDocuments } from "@/lib/domain/dataset/reference.schema";

const DATA = path.resolve(__dirname, "..", "prisma", "seed", "data", "documents.json");

const pct = (r: TRatio) =>
  (r.value === null ? "   n/a" : `${(100 * r.value).toFixed(1).padStart(5)}%`) + ` (${r.hits}/${r.total})`;

function printReference(): void {
  const { documents, alignments } = ZReferenceDocuments.parse(JSON.parse(fs.readFileSync(DATA, "utf8")));
  const evaluation = computeReferenceEvaluation({ documents, alignments });
  console.log("Reference alignments (prisma/seed/data/documents.json)");
  console.log("  precision over proposals whose from-clause the reference covers; recall over reference pairs\n");
  const rows: { name: string; e: TReferenceEvaluation["overall"]; wrong: string[]; missed: string[] }[] = [
    ...evaluation.pairs.map((e) => ({
      name: `${e.fromDocumentId} → ${e.toDocumentId}`,
      e,
      wrong: e.falsePositives.map(([a, b]) => `${a} → ${b}`),
      missed: e.missed.map(([a, b]) => `${a} → ${b}`),
    })),
    { name: "overall (micro-averaged)", e: evaluation.overall, wrong: [], missed: [] },
  ];
  for (const { name, e, wrong, missed } of rows) {
    console.log(`  ${name}`);
    console.log(
      `    pairs    precision ${pct(e.precision)}   recall ${pct(e.recall)}   relation agrees ${pct(e.relationAgreement)}`,
    );
    console.log(`    removed  precision ${pct(e.removedPrecision)}   recall ${pct(e.removedRecall)}`);
    if (wrong.length > 0) console.log(`    wrong:  ${wrong.join(", ")}`);
    if (missed.length > 0) console.log(`    missed: ${missed.join(", ")}`);
  }
}

/** mulberry32: a small seeded PRNG, so every run benchmarks the same documents. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type TDraft = { heading: string; text: string; topics: string[]; origin: number[] };

/**
 * Two documents of `size` clauses: `to` is `from` edited the way plan versions are edited (words changed, clauses
 * removed, merged, split, inserted and moved) and renumbered 1..m, so numbers stop matching after the first edit.
 * Returns the true links as reference links.
 */
function buildSyntheticPair(size: number, seed: number) {
  const random = createRandom(seed);
  const syllables = ["ka", "lo", "mi", "ren", "sto", "va", "dur", "pe", "qui", "zan", "tor", "el", "bri", "nos", "fa"];
  const vocabulary = Array.from({ length: 4000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(
      "",
    ),
  );
  // Skewed towards the start of the vocabulary, so some words are common and others rare, as in real text.
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)];
  const words = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, word);
  const topics = () => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => `topic-${Math.floor(random() * 20)}`)),
  ];

  const from: TDraft[] = Array.from({ length: size }, (_, k) => ({
    heading: words(2, 6).join(" "),
    text: `${words(15, 60).join(" ")}.`,
    topics: topics(),
    origin: [k],
  }));
  const drafts: TDraft[] = [];
  const splits: TDraft[][] = [];
  for (let k = 0; k < size; k++) {
    const c = from[k];
    const roll = random();
    if (roll < 0.04) continue;
    if (roll < 0.08 && k + 1 < size) {
      const next = from[++k];
      drafts.push({
        heading: c.heading,
        text: `${c.text} ${next.text}`,
        topics: [...new Set([...c.topics, ...next.topics])],
        origin: [k - 1, k],
      });
    } else if (roll < 0.12) {
      const parts = c.text.split(" ");
      const cut = Math.floor(parts.length / 2);
      const pieces = [
        { heading: c.heading, text: parts.slice(0, cut).join(" "), topics: c.topics, origin: [k] },
        { heading: `${c.heading} ${word()}`, text: parts.slice(cut).join(" "), topics: c.topics, origin: [k] },
      ];
      splits.push(pieces);
      drafts.push(...pieces);
    } else if (roll < 0.45) {
      const parts = c.text.split(" ").map((w) => (random() < 0.2 ? word() : w));
      drafts.push({ ...c, text: parts.join(" ") });
    } else {
      drafts.push({ ...c });
    }
    if (random() < 0.03)
      drafts.push({
        heading: words(2, 6).join(" "),
        text: `${words(15, 60).join(" ")}.`,
        topics: topics(),
        origin: [],
      });
  }
  for (let moves = 0; moves < 5; moves++) {
    const [moved] = drafts.splice(Math.floor(random() * drafts.length), 1);
    drafts.splice(Math.floor(random() * drafts.length), 0, moved);
  }

  const fromClauses: TAlignmentClause[] = from.map((c, k) => ({
    id: `synthetic-from#${k + 1}`,
    number: String(k + 1),
    ordinal: k,
    ...c,
  }));
  const toClauses: TAlignmentClause[] = drafts.map((c, k) => ({
    id: `synthetic-to#${k + 1}`,
    number: String(k + 1),
    ordinal: k,
    ...c,
  }));
  const reference: TReferenceLink[] = [];
  const kept = new Set<number>();
  drafts.forEach((c, k) => {
    for (const o of c.origin) {
      kept.add(o);
      reference.push({
        from: fromClauses[o].id,
        to: toClauses[k].id,
        relation: c.origin.length > 1 ? "merged" : "modified",
      });
    }
  });
  for (let k = 0; k < size; k++)
    if (!kept.has(k)) reference.push({ from: fromClauses[k].id, to: "synthetic-to", relation: "removed" });
  return { fromClauses, toClauses, reference, splits: splits.length };
}

function printSynthetic(): void {
  const size = 500;
  const { fromClauses, toClauses, reference, splits } = buildSyntheticPair(size, 20251120);
  const run = () => proposeAlignment({ from: fromClauses, to: toClauses });
  for (let k = 0; k < 3; k++) run();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let links = run();
  for (let k = 0; k < 15; k++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    links = run();
    const cpu = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const e = computeAlignmentEvaluation({
    fromDocumentId: "synthetic-from",
    toDocumentId: "synthetic-to",
    proposed: links,
    reference,
  });
  const counts = new Map<string, number>();
  for (const l of links) counts.set(l.relation, (counts.get(l.relation) ?? 0) + 1);
  console.log(`\nSynthetic ${fromClauses.length} × ${toClauses.length} clauses (seeded; ${splits} splits, renumbered)`);
  console.log(
    `  proposeAlignment median ${times[times.length >> 1].toFixed(1)} ms wall, ${cpuTimes[cpuTimes.length >> 1].toFixed(1)} ms CPU over ${times.length} runs (wall min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)})`,
  );
  console.log(
    `  pairs precision ${pct(e.precision)}   recall ${pct(e.recall)}   removed precision ${pct(e.removedPrecision)} recall ${pct(e.removedRecall)}`,
  );
  console.log(`  relations proposed: ${[...counts].map(([r, c]) => `${r} ${c}`).join(", ")}`);
}

printReference();
printSynthetic();

/**
 * Proposes how the clauses of one document version correspond to the clauses of another, so a researcher starts
 * from a draft alignment instead of a blank grid. The proposal is evidence, not a verdict: every link carries a
 * confidence and the similarity figures behind it, and a person confirms or corrects it before it is stored.
 *
 * Method. Each pair of clauses gets a score in [0,1], a weighted mean of content signals (TF-IDF cosine of the
 * texts, cosine of the headings, Jaccard overlap of the topics) and lighter structural ones (equal numbers, when the
 * two documents number alike, and closeness of relative position), each counted only where it exists. One-to-one links
 * are chosen greedily from the best score down. A clause left over joins an existing link as a merge (several
 * from-clauses into one to-clause) or a split (one from-clause into several to-clauses) only when adding its text
 * makes the grouped text clearly closer to the other side; otherwise it is removed (from) or added (to).
 *
 * Cost: one pass over the n·m pairs with constant work each (dot products are accumulated through an inverted
 * index of the to-clauses' terms), plus a sort of the pairs above the link threshold. Two 500-clause documents align
 * in well under a tenth of a second of CPU (bench/alignment.ts prints the figure).
 */
import { AppError } from "./errors";
import type { TAlignmentRelation } from "./vocabulary";

export { computeWordDiff, type TWordDiffKind, type TWordDiffSegment } from "./word-diff";

/** A clause as the aligner sees it. `ordinal` orders clauses within their document; `number` is their label. */
export type TAlignmentClause = {
  id: string;
  number: string;
  ordinal: number;
  heading: string;
  text: string;
  topics: readonly string[];
};

/**
 * The knobs of the method. The defaults were tuned on the reference alignments (see bench/alignment.ts) and on
 * synthetic documents; they carry no knowledge of particular documents.
 */
export type TAlignmentTuning = {
  /**
   * Relative weights of the signals. For each pair the score is their weighted mean over the signals that pair
   * carries: headings only when both are non-empty, topics only when both clauses have some, numbers only when the
   * two documents number alike. A missing signal therefore neither helps nor hurts.
   */
  textWeight: number;
  headingWeight: number;
  topicWeight: number;
  numberWeight: number;
  orderWeight: number;
  /** Share of from-clause numbers that must reappear among the to-clause numbers for numbers to count. */
  sharedNumberingMin: number;
  /** Minimum score for a one-to-one link. */
  linkThreshold: number;
  /** Minimum score of a left-over clause with a linked clause for it to be considered for a merge or split. */
  groupThreshold: number;
  /** How much the grouped text must raise the text cosine over the group without the clause. */
  groupGain: number;
};

export const ALIGNMENT_TUNING: Readonly<TAlignmentTuning> = Object.freeze({
  textWeight: 0.4,
  headingWeight: 0.2,
  topicWeight: 0.2,
  numberWeight: 0.14,
  orderWeight: 0.06,
  sharedNumberingMin: 0.3,
  linkThreshold: 0.3,
  groupThreshold: 0.3,
  groupGain: 0.1,
});

export type TProposeAlignmentOptions = {
  from: readonly TAlignmentClause[];
  to: readonly TAlignmentClause[];
  tuning?: Partial<TAlignmentTuning>;
};

/** Why two clauses were linked. Scores are in [0,1]; `null` means the signal was not available for the pair. */
export type TAlignmentEvidence = {
  /** The combined score the links were chosen by. */
  score: number;
  /** TF-IDF cosine of the texts (case, punctuation, figures and common words ignored). */
  text: number;
  /** Cosine of the headings; null when either heading is empty. */
  heading: number | null;
  /** Jaccard overlap of the topics; null when either clause has none. */
  topics: number | null;
  /** Whether the labels are equal; null when the two documents do not number alike (e.g. "I-1" against "21"). */
  numberMatch: boolean | null;
  /** Closeness of relative position: 1 at the same place in both documents, 0 at opposite ends. */
  order: number;
  /** Whether the link keeps the order of the other links (it lies on their longest order-preserving chain). */
  inOrder: boolean;
  /** Whether the texts are the same once case, punctuation and spacing are ignored (figures count). */
  sameContent: boolean;
  /** For merges and splits: text cosine of the whole group's text with the other side. */
  groupText?: number;
};

export type TPairRelation = Extract<TAlignmentRelation, "unchanged" | "modified" | "moved" | "merged" | "split">;

export type TProposedPairLink = {
  relation: TPairRelation;
  fromId: string;
  toId: string;
  confidence: number;
  evidence: TAlignmentEvidence;
};

/** Evidence for an unmatched clause: the best counterpart it had, and why that was not enough. */
export type TUnmatchedEvidence = { bestScore: number; bestCounterpartId: string | null };

export type TProposedRemovedLink = {
  relation: "removed";
  fromId: string;
  toId: null;
  confidence: number;
  evidence: TUnmatchedEvidence;
};

export type TProposedAddedLink = {
  relation: "added";
  fromId: null;
  toId: string;
  confidence: number;
  evidence: TUnmatchedEvidence;
};

export type TProposedLink = TProposedPairLink | TProposedRemovedLink | TProposedAddedLink;

/** Sparse, L2-normalised term vector; `ids` ascending. */
type TVector = { ids: Int32Array; weights: Float64Array };

const EMPTY_VECTOR: TVector = { ids: new Int32Array(0), weights: new Float64Array(0) };

const TOKEN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc]+|[\p{L}\p{M}\p{N}]+/gu;
const CJK_START = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc]/u;
const ALL_DIGITS = /^\p{N}+$/u;
const LATIN_WORD = /^[a-z]+$/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Words that say nothing about what a clause is about; IDF would discount them too, but not to zero. */
const STOP_WORDS = new Set(
  (
    "a an and are as at be by for from has have in into is it its of on or that the their them these this those to " +
    "was were which while who will with would all any each other such than then there also not no per its may shall"
  ).split(" "),
);

/** A light English suffix strip: enough for "guarantees"/"guarantee" and "talks"/"talk" to meet. */
function stem(word: string): string {
  if (!LATIN_WORD.test(word)) return word;
  if (word.length > 5 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 6 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * Terms for similarity: NFKC, lower case, punctuation dropped, bare figures dropped (so "600,000" against "800,000"
 * reads as a modification, not as unrelated text), stop words dropped, runs of CJK characters as bigrams.
 */
function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.normalize("NFKC").toLowerCase().matchAll(TOKEN)) {
    const run = match[0];
    if (CJK_START.test(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) terms.push(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
    } else if (!ALL_DIGITS.test(run) && run.length > 1 && !STOP_WORDS.has(run)) {
      terms.push(stem(run));
    }
  }
  return terms;
}

/** The text as compared for "same content": case, punctuation and spacing ignored, every word and figure kept. */
function fingerprint(text: string): string {
  return Array.from(text.normalize("NFKC").toLowerCase().matchAll(WORD), (m) => m[0]).join(" ");
}

function normalizeNumber(label: string): string {
  return label.normalize("NFKC").trim().toLowerCase().replace(/\.$/, "");
}

/** TF-IDF vectors (sublinear term frequency, smoothed IDF over all given texts) with a shared term dictionary. */
function buildVectors(termLists: readonly string[][]): TVector[] {
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const counted = termLists.map((terms) => {
    const counts = new Map<number, number>();
    for (const term of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        documentFrequency.push(0);
      }
      const previous = counts.get(id);
      if (previous === undefined) documentFrequency[id]++;
      counts.set(id, (previous ?? 0) + 1);
    }
    return counts;
  });
  const total = termLists.length;
  return counted.map((counts) => {
    if (counts.size === 0) return EMPTY_VECTOR;
    const ids = Int32Array.from(counts.keys()).sort();
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const w = (1 + Math.log(counts.get(ids[k])!)) * Math.log(1 + total / documentFrequency[ids[k]]);
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { ids, weights };
  });
}

function cosine(a: TVector, b: TVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) dot += a.weights[i++] * b.weights[j++];
    else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return Math.min(1, dot);
}

function sumVectors(vectors: readonly TVector[]): TVector {
  const sum = new Map<number, number>();
  for (const v of vectors)
    for (let k = 0; k < v.ids.length; k++) sum.set(v.ids[k], (sum.get(v.ids[k]) ?? 0) + v.weights[k]);
  if (sum.size === 0) return EMPTY_VECTOR;
  const ids = Int32Array.from(sum.keys()).sort();
  const weights = Float64Array.from(ids, (id) => sum.get(id)!);
  const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0));
  for (let k = 0; k < weights.length; k++) weights[k] /= norm;
  return { ids, weights };
}

/**
 * Inverted index of vectors in compressed rows: the entries of term `id` are `start[id]` to `start[id + 1]` of
 * `index` (which vector) and `weight`. Typed arrays, so building one per call costs no garbage per entry.
 */
type TPostings = { start: Int32Array; index: Int32Array; weight: Float64Array };

function buildPostings(vectors: readonly TVector[]): TPostings {
  let maxId = -1;
  let total = 0;
  for (const v of vectors) {
    total += v.ids.length;
    if (v.ids.length > 0) maxId = Math.max(maxId, v.ids[v.ids.length - 1]);
  }
  const start = new Int32Array(maxId + 2);
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) start[v.ids[k] + 1]++;
  for (let id = 0; id <= maxId; id++) start[id + 1] += start[id];
  const fill = start.slice(0, maxId + 1);
  const index = new Int32Array(total);
  const weight = new Float64Array(total);
  vectors.forEach((v, vector) => {
    for (let k = 0; k < v.ids.length; k++) {
      const at = fill[v.ids[k]]++;
      index[at] = vector;
      weight[at] = v.weights[k];
    }
  });
  return { start, index, weight };
}

/** Accumulates the dot products of one vector with every indexed vector into `into` (zeroed first). */
function accumulateDots(v: TVector, postings: TPostings, into: Float64Array): void {
  into.fill(0);
  const last = postings.start.length - 1;
  for (let k = 0; k < v.ids.length; k++) {
    const id = v.ids[k];
    if (id >= last) continue;
    const w = v.weights[k];
    for (let at = postings.start[id]; at < postings.start[id + 1]; at++)
      into[postings.index[at]] += w * postings.weight[at];
  }
}

/** Indices of the longest chain of links whose to-ranks never decrease, links taken in from-rank order. */
function findInOrder(pairs: readonly { fromRank: number; toRank: number }[]): Set<number> {
  const order = pairs
    .map((_, k) => k)
    .sort((a, b) => pairs[a].fromRank - pairs[b].fromRank || pairs[a].toRank - pairs[b].toRank);
  const tails: number[] = [];
  const previous = new Array<number>(order.length).fill(-1);
  for (const k of order) {
    const rank = pairs[k].toRank;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]].toRank <= rank) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const chain = new Set<number>();
  for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k !== -1; k = previous[k]) chain.add(k);
  return chain;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Figures handed out are rounded to four decimals: floating-point noise (0.9999999999999998) helps no reader. */
function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Clauses in document order (by ordinal, ties by input order). Duplicate ids are a caller's mistake. */
function sortClauses(clauses: readonly TAlignmentClause[], side: "from" | "to"): TAlignmentClause[] {
  const seen = new Set<string>();
  for (const c of clauses) {
    if (seen.has(c.id))
      throw new AppError("BAD_REQUEST", `Clause id '${c.id}' appears twice in the '${side}' document`);
    seen.add(c.id);
  }
  return clauses
    .map((clause, index) => ({ clause, index }))
    .sort((a, b) => a.clause.ordinal - b.clause.ordinal || a.index - b.index)
    .map((x) => x.clause);
}

/**
 * Proposes links between the clauses of `from` and `to`. Every from-clause appears in exactly one kind of link
 * (a pair link, possibly several for a split, or a removal) and so does every to-clause (a pair link, possibly
 * several for a merge, or an addition). Links come in from-document order, additions last in to-document order.
 *
 * Relations: `unchanged` when the texts are the same (ignoring case, punctuation and spacing), the number is the
 * same (or the documents number differently) and the link keeps the order of the others; `moved` when the texts
 * are the same but the number or the order changed; `modified` for any other one-to-one link.
 */
export function proposeAlignment({ from, to, tuning }: TProposeAlignmentOptions): TProposedLink[] {
  const t: TAlignmentTuning = { ...ALIGNMENT_TUNING, ...tuning };
  const fromClauses = sortClauses(from, "from");
  const toClauses = sortClauses(to, "to");
  const n = fromClauses.length;
  const m = toClauses.length;

  const all = [...fromClauses, ...toClauses];
  const textVectors = buildVectors(all.map((c) => tokenize(c.text)));
  const headingVectors = buildVectors(all.map((c) => tokenize(c.heading)));
  const fromText = textVectors.slice(0, n);
  const toText = textVectors.slice(n);
  const fromHeading = headingVectors.slice(0, n);
  const toHeading = headingVectors.slice(n);
  const topicSets = all.map((c) => new Set(c.topics));

  const fromNumbers = fromClauses.map((c) => normalizeNumber(c.number));
  const toNumbers = toClauses.map((c) => normalizeNumber(c.number));
  const toNumberSet = new Set(toNumbers);
  const sharedNumbers = fromNumbers.filter((x) => toNumberSet.has(x)).length;
  // Labels as small integers, so the n·m loop compares numbers rather than strings.
  const labelIds = new Map<string, number>();
  const labelId = (label: string) => labelIds.get(label) ?? labelIds.set(label, labelIds.size).size - 1;
  const fromLabels = Int32Array.from(fromNumbers, labelId);
  const toLabels = Int32Array.from(toNumbers, labelId);
  const numbersComparable = n > 0 && sharedNumbers / Math.min(n, m || 1) >= t.sharedNumberingMin;

  const position = (rank: number, count: number) => (count > 1 ? rank / (count - 1) : 0.5);

  const textPostings = buildPostings(toText);
  const headingPostings = buildPostings(toHeading);
  const topicPostings = new Map<string, number[]>();
  toClauses.forEach((c, j) => {
    for (const topic of topicSets[n + j]) {
      const list = topicPostings.get(topic);
      if (list) list.push(j);
      else topicPostings.set(topic, [j]);
    }
  });

  const score = new Float64Array(n * m);
  const textScore = new Float64Array(n * m);
  const textDots = new Float64Array(m);
  const headingDots = new Float64Array(m);
  const topicShared = new Float64Array(m);
  const rowBest = new Float64Array(n);
  const rowSecond = new Float64Array(n);
  const rowBestIndex = new Int32Array(n).fill(-1);
  const colBest = new Float64Array(m);
  const colSecond = new Float64Array(m);
  const colBestIndex = new Int32Array(m).fill(-1);
  const toHasHeading = toHeading.map((v) => v.ids.length > 0);
  const toPositions = Float64Array.from(toClauses, (_, j) => position(j, m));
  const toTopicCount = toClauses.map((_, j) => topicSets[n + j].size);

  for (let i = 0; i < n; i++) {
    accumulateDots(fromText[i], textPostings, textDots);
    accumulateDots(fromHeading[i], headingPostings, headingDots);
    topicShared.fill(0);
    const fromTopics = topicSets[i];
    for (const topic of fromTopics) for (const j of topicPostings.get(topic) ?? []) topicShared[j]++;
    const fromHasHeading = fromHeading[i].ids.length > 0;
    const fromPosition = position(i, n);
    const fromLabel = fromLabels[i];
    for (let j = 0; j < m; j++) {
      const text = Math.min(1, textDots[j]);
      let sum = t.textWeight * text + t.orderWeight * (1 - Math.abs(fromPosition - toPositions[j]));
      let weight = t.textWeight + t.orderWeight;
      if (fromHasHeading && toHasHeading[j]) {
        sum += t.headingWeight * Math.min(1, headingDots[j]);
        weight += t.headingWeight;
      }
      if (fromTopics.size > 0 && toTopicCount[j] > 0) {
        sum += (t.topicWeight * topicShared[j]) / (fromTopics.size + toTopicCount[j] - topicShared[j]);
        weight += t.topicWeight;
      }
      if (numbersComparable) {
        if (fromLabel === toLabels[j]) sum += t.numberWeight;
        weight += t.numberWeight;
      }
      const s = sum / weight;
      const cell = i * m + j;
      score[cell] = s;
      textScore[cell] = text;
      if (s > rowBest[i] || rowBestIndex[i] === -1) {
        rowSecond[i] = rowBest[i];
        rowBest[i] = s;
        rowBestIndex[i] = j;
      } else if (s > rowSecond[i]) rowSecond[i] = s;
      if (s > colBest[j] || colBestIndex[j] === -1) {
        colSecond[j] = colBest[j];
        colBest[j] = s;
        colBestIndex[j] = i;
      } else if (s > colSecond[j]) colSecond[j] = s;
    }
  }

  // One-to-one links, best score first; ties go to the earlier pair so the result is deterministic.
  const candidates: number[] = [];
  for (let cell = 0; cell < score.length; cell++) if (score[cell] >= t.linkThreshold) candidates.push(cell);
  candidates.sort((a, b) => score[b] - score[a] || a - b);
  const fromMatch = new Int32Array(n).fill(-1);
  const toMatch = new Int32Array(m).fill(-1);
  for (const cell of candidates) {
    const i = Math.floor(cell / m);
    const j = cell - i * m;
    if (fromMatch[i] !== -1 || toMatch[j] !== -1) continue;
    fromMatch[i] = j;
    toMatch[j] = i;
  }

  // Merges: a left-over from-clause joins the to-clause it scores best with among the linked ones, when its text
  // brings the group's text clearly closer to that to-clause.
  const mergeGroups = new Map<number, { members: number[]; text: number }>();
  for (let i = 0; i < n; i++) {
    if (fromMatch[i] !== -1) continue;
    let best = -1;
    for (let j = 0; j < m; j++)
      if (toMatch[j] !== -1 && (best === -1 || score[i * m + j] > score[i * m + best])) best = j;
    if (best === -1 || score[i * m + best] < t.groupThreshold) continue;
    const group = mergeGroups.get(best) ?? { members: [toMatch[best]], text: textScore[toMatch[best] * m + best] };
    const text = cosine(sumVectors([...group.members, i].map((k) => fromText[k])), toText[best]);
    if (text - group.text < t.groupGain) continue;
    group.members.push(i);
    group.text = text;
    mergeGroups.set(best, group);
  }
  const merged = new Set<number>();
  for (const group of mergeGroups.values()) for (const i of group.members) merged.add(i);

  // Splits, symmetrically: a left-over to-clause joins the from-clause it scores best with, unless that
  // from-clause is already part of a merge (many-to-many is left to the researcher).
  const splitGroups = new Map<number, { members: number[]; text: number }>();
  for (let j = 0; j < m; j++) {
    if (toMatch[j] !== -1) continue;
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (fromMatch[i] === -1 || merged.has(i)) continue;
      if (best === -1 || score[i * m + j] > score[best * m + j]) best = i;
    }
    if (best === -1 || score[best * m + j] < t.groupThreshold) continue;
    const group = splitGroups.get(best) ?? { members: [fromMatch[best]], text: textScore[best * m + fromMatch[best]] };
    const text = cosine(fromText[best], sumVectors([...group.members, j].map((k) => toText[k])));
    if (text - group.text < t.groupGain) continue;
    group.members.push(j);
    group.text = text;
    splitGroups.set(best, group);
  }

  type TPair = { i: number; j: number; relation: "one" | "merged" | "split"; groupText?: number; gain?: number };
  const pairs: TPair[] = [];
  const grouped = new Set<number>();
  for (const [j, group] of mergeGroups) {
    for (const i of group.members) {
      pairs.push({ i, j, relation: "merged", groupText: group.text, gain: group.text - textScore[i * m + j] });
      grouped.add(i);
    }
  }
  for (const [i, group] of splitGroups) {
    for (const j of group.members)
      pairs.push({ i, j, relation: "split", groupText: group.text, gain: group.text - textScore[i * m + j] });
    grouped.add(i);
  }
  for (let i = 0; i < n; i++)
    if (fromMatch[i] !== -1 && !grouped.has(i)) pairs.push({ i, j: fromMatch[i], relation: "one" });

  const inOrder = findInOrder(pairs.map((p) => ({ fromRank: p.i, toRank: p.j })));
  const linkedTo = new Set(pairs.map((p) => p.j));
  const linkedFrom = new Set(pairs.map((p) => p.i));

  const pairLinks: { rank: number; second: number; link: TProposedLink }[] = pairs.map((p, k) => {
    const cell = p.i * m + p.j;
    const a = fromClauses[p.i];
    const b = toClauses[p.j];
    const fromTopics = topicSets[p.i];
    const toTopics = topicSets[n + p.j];
    const sharedTopics = [...fromTopics].filter((x) => toTopics.has(x)).length;
    const numberMatch = numbersComparable ? fromNumbers[p.i] === toNumbers[p.j] : null;
    const sameContent = fingerprint(a.text) === fingerprint(b.text);
    const evidence: TAlignmentEvidence = {
      score: round4(score[cell]),
      text: round4(textScore[cell]),
      heading:
        fromHeading[p.i].ids.length > 0 && toHasHeading[p.j] ? round4(cosine(fromHeading[p.i], toHeading[p.j])) : null,
      topics:
        fromTopics.size > 0 && toTopics.size > 0
          ? round4(sharedTopics / (fromTopics.size + toTopics.size - sharedTopics))
          : null,
      numberMatch,
      order: round4(1 - Math.abs(position(p.i, n) - position(p.j, m))),
      inOrder: inOrder.has(k),
      sameContent,
    };
    let relation: TPairRelation;
    let clarity: number;
    if (p.relation === "one") {
      relation = sameContent ? (numberMatch !== false && evidence.inOrder ? "unchanged" : "moved") : "modified";
      const rival = Math.max(
        rowBestIndex[p.i] === p.j ? rowSecond[p.i] : rowBest[p.i],
        colBestIndex[p.j] === p.i ? colSecond[p.j] : colBest[p.j],
      );
      clarity = clamp01((score[cell] - rival) / 0.25 + 0.5);
    } else {
      relation = p.relation;
      evidence.groupText = round4(p.groupText ?? 0);
      clarity = clamp01((p.gain ?? 0) / 0.25);
    }
    const confidence = 0.75 * score[cell] + 0.25 * clarity;
    return {
      rank: p.i,
      second: p.j,
      link: { relation, fromId: a.id, toId: b.id, confidence: round4(clamp01(confidence)), evidence },
    };
  });

  const removed = fromClauses.flatMap((c, i) => {
    if (linkedFrom.has(i)) return [];
    const bestScore = rowBest[i];
    const link: TProposedRemovedLink = {
      relation: "removed",
      fromId: c.id,
      toId: null,
      confidence: round4(clamp01(1 - bestScore)),
      evidence: {
        bestScore: round4(bestScore),
        bestCounterpartId: rowBestIndex[i] === -1 ? null : toClauses[rowBestIndex[i]].id,
      },
    };
    return [{ rank: i, second: -1, link }];
  });
  const added: TProposedAddedLink[] = toClauses.flatMap((c, j) => {
    if (linkedTo.has(j)) return [];
    const bestScore = colBest[j];
    return [
      {
        relation: "added" as const,
        fromId: null,
        toId: c.id,
        confidence: round4(clamp01(1 - bestScore)),
        evidence: {
          bestScore: round4(bestScore),
          bestCounterpartId: colBestIndex[j] === -1 ? null : fromClauses[colBestIndex[j]].id,
        },
      },
    ];
  });

  return [
    ...[...pairLinks, ...removed].sort((a, b) => a.rank - b.rank || a.second - b.second).map((x) => x.link),
    ...added,
  ];
}

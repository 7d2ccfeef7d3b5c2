/**
 * Red-line detection: where a clause's topics meet the dimensions on which a party has stated a red line.
 * Mechanical and independent of any assessment, so a researcher sees "touches red line: territory" even on a
 * cell nobody has coded. Red lines move, so detection can be asked "as of" a date: positions stated after it are
 * not yet evidence.
 */
import type { TPositionKind } from "./vocabulary";

export type TRedLineCandidate = {
  id: string;
  partyId: string;
  dimensionId: string;
  kind: TPositionKind | string;
  date: string;
};

export type TRedLineTouched = {
  dimensionId: string;
  /** Ids of the party's red-line positions on that dimension, oldest first. */
  positionIds: string[];
};

export type TFindRedLinesOptions = {
  /** The clause's topics (dimension ids), in the clause's order. */
  topics: readonly string[];
  partyId: string;
  /** Positions of any party and kind; only the party's red lines count. */
  positions: readonly TRedLineCandidate[];
  /** Inclusive ISO date; positions dated after it are ignored. */
  asOf?: string | null;
};

/**
 * Red-line positions grouped by party and dimension (oldest first), as of a date: built once, it answers
 * `findRedLinesTouched` for every cell of a matrix in time proportional to the clause's topics.
 */
export type TRedLineIndex = Map<string, Map<string, string[]>>;

export function buildRedLineIndex(positions: readonly TRedLineCandidate[], asOf?: string | null): TRedLineIndex {
  const sorted = positions
    .filter((p) => p.kind === "red-line" && (!asOf || p.date <= asOf))
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1));
  const index: TRedLineIndex = new Map();
  for (const p of sorted) {
    let byDimension = index.get(p.partyId);
    if (!byDimension) index.set(p.partyId, (byDimension = new Map()));
    const ids = byDimension.get(p.dimensionId);
    if (ids) ids.push(p.id);
    else byDimension.set(p.dimensionId, [p.id]);
  }
  return index;
}

/** The dimensions where `topics` meet the party's red lines, in topic order, from a prepared index. */
export function findRedLinesInIndex(
  index: TRedLineIndex,
  topics: readonly string[],
  partyId: string,
): TRedLineTouched[] {
  const byDimension = index.get(partyId);
  if (!byDimension) return [];
  const touched: TRedLineTouched[] = [];
  const seen = new Set<string>();
  for (const dimensionId of topics) {
    if (seen.has(dimensionId)) continue;
    seen.add(dimensionId);
    const positionIds = byDimension.get(dimensionId);
    if (positionIds) touched.push({ dimensionId, positionIds: [...positionIds] });
  }
  return touched;
}

/** Like findRedLinesInIndex, with the number of positions instead of their ids: what a matrix cell carries. */
export function summarizeRedLinesInIndex(
  index: TRedLineIndex,
  topics: readonly string[],
  partyId: string,
): { dimensionId: string; positions: number }[] {
  const byDimension = index.get(partyId);
  if (!byDimension) return [];
  const touched: { dimensionId: string; positions: number }[] = [];
  for (let i = 0; i < topics.length; i++) {
    const dimensionId = topics[i];
    const ids = byDimension.get(dimensionId);
    if (ids && topics.indexOf(dimensionId) === i) touched.push({ dimensionId, positions: ids.length });
  }
  return touched;
}

export function findRedLinesTouched({ topics, partyId, positions, asOf }: TFindRedLinesOptions): TRedLineTouched[] {
  return findRedLinesInIndex(
    buildRedLineIndex(
      positions.filter((p) => p.partyId === partyId),
      asOf,
    ),
    topics,
    partyId,
  );
}

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

export function findRedLinesTouched({ topics, partyId, positions, asOf }: TFindRedLinesOptions): TRedLineTouched[] {
  const byDimension = new Map<string, TRedLineCandidate[]>();
  for (const p of positions) {
    if (p.partyId !== partyId || p.kind !== "red-line") continue;
    if (asOf && p.date > asOf) continue;
    const list = byDimension.get(p.dimensionId);
    if (list) list.push(p);
    else byDimension.set(p.dimensionId, [p]);
  }
  const touched: TRedLineTouched[] = [];
  const seen = new Set<string>();
  for (const dimensionId of topics) {
    if (seen.has(dimensionId)) continue;
    seen.add(dimensionId);
    const found = byDimension.get(dimensionId);
    if (!found) continue;
    const ordered = [...found].sort((a, b) =>
      a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1,
    );
    touched.push({ dimensionId, positionIds: ordered.map((p) => p.id) });
  }
  return touched;
}

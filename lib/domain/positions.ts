/** Derivations over dated positions. */

export type TDatedPosition = { id: string; dimensionId: string; date: string };

/**
 * Groups positions by dimension: groups in the codebook's order (unknown dimensions last, by id), positions within
 * a group newest first, ties by id so the order is stable.
 */
export function groupPositionsByDimension<T extends TDatedPosition>(
  positions: readonly T[],
  dimensionOrder: readonly string[],
): { dimensionId: string; positions: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const p of positions) {
    const list = groups.get(p.dimensionId);
    if (list) list.push(p);
    else groups.set(p.dimensionId, [p]);
  }
  const rank = new Map(dimensionOrder.map((id, i) => [id, i]));
  return [...groups.entries()]
    .sort(([a], [b]) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([dimensionId, list]) => ({
      dimensionId,
      positions: [...list].sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date > b.date ? -1 : 1)),
    }));
}

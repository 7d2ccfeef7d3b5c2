/**
 * Inter-coder agreement on the clause × party matrix: Krippendorff's alpha (nominal, ordinal, interval) for any
 * number of coders with missing codes, Cohen's kappa for two coders and for every pair, alpha per party / dimension
 * / document, and the list of disagreements a team resolves. Pure: the codes come in, figures go out.
 *
 * Values. A code is a number (a score on −2..+2, or any finite number), a string (a nominal category) or `null`,
 * the scale's "no stated position" (see scale.ts): a value the coder chose, not a gap. A gap, a coder who did not
 * code the unit, is `undefined` in reliability data, or simply no record.
 *
 * "No stated position" in each coefficient:
 * - nominal alpha and kappa: by default `null` is one more category, so "no stated position" against a score
 *   counts as a disagreement. `noStatedPosition: "exclude"` measures agreement on the scored values only.
 * - ordinal and interval alpha: `null` has no place on the order of −2..+2 nor a distance to it, so it is always
 *   dropped before pairing, as if the coder had not coded the unit. `excludedNoPosition` reports how many values
 *   were dropped from units that held at least two values (the values that would otherwise have been pairable);
 *   read an ordinal alpha next to the nominal one, which does see them.
 *
 * Undefined coefficients are `null`, with the reason, never NaN: no unit with two pairable values (one coder, or
 * no overlap) gives "no-pairable-values"; a single value throughout (no variation, so expected disagreement is 0)
 * gives "no-variation", even when every coder agrees: alpha measures agreement beyond chance and there is none
 * to measure. Perfect agreement on varied values gives 1.
 */
import { AppError } from "./errors";

export type TCodeValue = number | string | null;

/** One unit of reliability data: the value each coder gave it, `undefined` where a coder did not code it. */
export type TReliabilityUnit = readonly (TCodeValue | undefined)[];

export type TAlphaMetric = "nominal" | "ordinal" | "interval";

export type TNoStatedPosition = "category" | "exclude";

export type TAlphaOptions = {
  metric: TAlphaMetric;
  /** Nominal only (the default there is "category"); ordinal and interval always exclude `null`. */
  noStatedPosition?: TNoStatedPosition;
};

export type TAlphaUndefinedReason = "no-pairable-values" | "no-variation";

export type TAlphaResult = {
  metric: TAlphaMetric;
  /** 1 − Do/De; 1 is perfect agreement, 0 agreement at chance level, negative systematic disagreement. */
  alpha: number | null;
  undefinedReason: TAlphaUndefinedReason | null;
  /** Units with at least two pairable values: the only units alpha looks at. */
  units: number;
  /** n.., the number of pairable values (values in those units). */
  pairable: number;
  /** Do; null when there is nothing to pair. */
  observedDisagreement: number | null;
  /** De; null when there is nothing to pair, 0 when there is no variation. */
  expectedDisagreement: number | null;
  /** `null` values dropped from units holding at least two values (always 0 when null is a category). */
  excludedNoPosition: number;
};

export type TCodeRecord = { unit: string; coder: string; value: TCodeValue };

export type TReliabilityData = {
  /** Unit ids in the order they first appear in the records. */
  unitIds: string[];
  /** Coder ids in the order they first appear in the records. */
  coderIds: string[];
  /** `units[i][j]` is coder `coderIds[j]`'s value for unit `unitIds[i]`, `undefined` when not coded. */
  units: (TCodeValue | undefined)[][];
};

/** Rejects what no coefficient can read: non-finite numbers and anything that is not a number, string or null. */
function assertCodeValue(value: unknown, where: string): asserts value is TCodeValue {
  if (value === null || typeof value === "string") return;
  if (typeof value === "number" && Number.isFinite(value)) return;
  throw new AppError("BAD_REQUEST", `${where}: a code must be a finite number, a string or null`, {
    value: ["must be a finite number, a string or null"],
  });
}

function resolveNoStatedPosition(options: TAlphaOptions): TNoStatedPosition {
  if (options.metric === "nominal") return options.noStatedPosition ?? "category";
  if (options.noStatedPosition === "category") {
    throw new AppError(
      "BAD_REQUEST",
      `"No stated position" cannot be a category of ${options.metric} alpha: it has no place on the scale`,
      { noStatedPosition: ["must be 'exclude' unless the metric is nominal"] },
    );
  }
  return "exclude";
}

/**
 * Squared difference δ²(c, k) between two categories, by index into `values` (sorted ascending for ordinal and
 * interval). Ordinal distance is Krippendorff's: the number of pairable values from c to k, halving the two ends.
 */
function buildDistance(metric: TAlphaMetric, values: TCodeValue[], totals: number[]): (c: number, k: number) => number {
  switch (metric) {
    case "nominal":
      return (c, k) => (c === k ? 0 : 1);
    case "interval":
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case "ordinal": {
      const cumulative = [0];
      for (const total of totals) cumulative.push(cumulative[cumulative.length - 1] + total);
      return (c, k) => {
        const [low, high] = c <= k ? [c, k] : [k, c];
        const between = cumulative[high + 1] - cumulative[low];
        return (between - (totals[c] + totals[k]) / 2) ** 2;
      };
    }
    default: {
      const unreachable: never = metric;
      return unreachable;
    }
  }
}

/**
 * Krippendorff's alpha through the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): every ordered pair of values from different coders within a unit adds 1/(m_u − 1) to
 * o[c][k]; units with fewer than two values are dropped. Do = Σ o_ck δ²_ck / n, De = Σ n_c n_k δ²_ck / (n (n − 1)).
 *
 * `units` holds one entry per unit listing the values its coders gave; the order within a unit does not matter,
 * since alpha does not depend on which coder gave which value.
 */
export function computeKrippendorffAlpha(units: readonly TReliabilityUnit[], options: TAlphaOptions): TAlphaResult {
  const { metric } = options;
  const noStatedPosition = resolveNoStatedPosition(options);
  const numeric = metric !== "nominal";

  let excludedNoPosition = 0;
  const pairableUnits: TCodeValue[][] = [];
  units.forEach((unit, u) => {
    const coded: TCodeValue[] = [];
    for (const value of unit) {
      if (value === undefined) continue;
      assertCodeValue(value, `unit ${u}`);
      if (numeric && typeof value === "string") {
        throw new AppError("BAD_REQUEST", `unit ${u}: ${metric} alpha needs numbers, got '${value}'`, {
          value: [`must be a number for ${metric} alpha`],
        });
      }
      coded.push(value);
    }
    const kept = noStatedPosition === "exclude" ? coded.filter((v) => v !== null) : coded;
    if (coded.length >= 2) excludedNoPosition += coded.length - kept.length;
    if (kept.length >= 2) pairableUnits.push(kept);
  });

  const empty: TAlphaResult = {
    metric,
    alpha: null,
    undefinedReason: "no-pairable-values",
    units: 0,
    pairable: 0,
    observedDisagreement: null,
    expectedDisagreement: null,
    excludedNoPosition,
  };
  if (pairableUnits.length === 0) return empty;

  const values = [...new Set(pairableUnits.flat())];
  if (numeric) values.sort((a, b) => (a as number) - (b as number));
  const indexOf = new Map(values.map((v, i) => [v, i]));

  const size = values.length;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of pairableUnits) {
    const counts = new Map<number, number>();
    for (const value of unit) {
      const c = indexOf.get(value) as number;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const weight = 1 / (unit.length - 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        coincidences[c][k] += (c === k ? nc * (nc - 1) : nc * nk) * weight;
      }
    }
  }

  const totals = coincidences.map((row) => row.reduce((sum, x) => sum + x, 0));
  const n = totals.reduce((sum, x) => sum + x, 0);
  const distance = buildDistance(metric, values, totals);

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue;
      const d = distance(c, k);
      observed += coincidences[c][k] * d;
      expected += totals[c] * totals[k] * d;
    }
  }
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  const base = { metric, units: pairableUnits.length, pairable: n, observedDisagreement, expectedDisagreement };

  if (expected === 0) return { ...base, alpha: null, undefinedReason: "no-variation", excludedNoPosition };
  return { ...base, alpha: 1 - observedDisagreement / expectedDisagreement, undefinedReason: null, excludedNoPosition };
}

/**
 * Reliability data from coding records, one row per unit and one column per coder, both in order of first
 * appearance. A coder codes a unit once: two records for the same unit and coder are refused (the caller picks
 * the current assessment) rather than one silently winning.
 */
export function buildReliabilityData(records: readonly TCodeRecord[]): TReliabilityData {
  const unitIndex = new Map<string, number>();
  const coderIndex = new Map<string, number>();
  const cells = new Map<string, TCodeValue>();
  records.forEach((record, i) => {
    if (!record.unit || !record.coder) {
      throw new AppError("BAD_REQUEST", `record ${i}: unit and coder must be non-empty`, {
        [`records.${i}`]: ["unit and coder must be non-empty"],
      });
    }
    assertCodeValue(record.value, `record ${i}`);
    if (!unitIndex.has(record.unit)) unitIndex.set(record.unit, unitIndex.size);
    if (!coderIndex.has(record.coder)) coderIndex.set(record.coder, coderIndex.size);
    const key = `${unitIndex.get(record.unit)}:${coderIndex.get(record.coder)}`;
    if (cells.has(key)) {
      throw new AppError("BAD_REQUEST", `coder '${record.coder}' coded unit '${record.unit}' more than once`, {
        [`records.${i}`]: ["duplicate unit and coder"],
      });
    }
    cells.set(key, record.value);
  });
  const units = Array.from({ length: unitIndex.size }, (_, u) =>
    Array.from({ length: coderIndex.size }, (_, c) => {
      const key = `${u}:${c}`;
      return cells.has(key) ? (cells.get(key) as TCodeValue) : undefined;
    }),
  );
  return { unitIds: [...unitIndex.keys()], coderIds: [...coderIndex.keys()], units };
}

export type TKappaUndefinedReason = "no-paired-units" | "no-variation";

export type TKappaResult = {
  /** (po − pe) / (1 − pe). */
  kappa: number | null;
  undefinedReason: TKappaUndefinedReason | null;
  /** Units both coders coded (after excluding "no stated position" when asked). */
  units: number;
  /** po, the share of units on which the two coders agree. */
  observedAgreement: number | null;
  /** pe, the agreement expected from each coder's own distribution of values. */
  expectedAgreement: number | null;
};

export type TKappaOptions = { noStatedPosition?: TNoStatedPosition };

/**
 * Cohen's kappa (Cohen 1960) for two coders on nominal values, from the pairs (coder A's value, coder B's value)
 * of the units both coded. Counted in integers so that pe = 1 (both coders used one and the same value
 * throughout) is detected exactly: kappa is then undefined ("no-variation").
 */
export function computeCohenKappa(
  pairs: readonly (readonly [TCodeValue, TCodeValue])[],
  options: TKappaOptions = {},
): TKappaResult {
  const exclude = (options.noStatedPosition ?? "category") === "exclude";
  const countsA = new Map<TCodeValue, number>();
  const countsB = new Map<TCodeValue, number>();
  let total = 0;
  let agreements = 0;
  pairs.forEach(([a, b], i) => {
    assertCodeValue(a, `pair ${i}`);
    assertCodeValue(b, `pair ${i}`);
    if (exclude && (a === null || b === null)) return;
    total++;
    if (a === b) agreements++;
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
  });
  if (total === 0) {
    return {
      kappa: null,
      undefinedReason: "no-paired-units",
      units: 0,
      observedAgreement: null,
      expectedAgreement: null,
    };
  }
  let chance = 0;
  for (const [value, a] of countsA) chance += a * (countsB.get(value) ?? 0);
  const squared = total * total;
  const result = { units: total, observedAgreement: agreements / total, expectedAgreement: chance / squared };
  if (chance === squared) return { ...result, kappa: null, undefinedReason: "no-variation" };
  return { ...result, kappa: (total * agreements - chance) / (squared - chance), undefinedReason: null };
}

export type TPairwiseKappa = TKappaResult & { coderA: string; coderB: string };

/**
 * Cohen's kappa for every pair of coders, over the units both coded; coders in order of first appearance, each
 * pair once (A before B). A pair with no unit in common is listed with kappa null ("no-paired-units").
 */
export function computePairwiseKappa(records: readonly TCodeRecord[], options: TKappaOptions = {}): TPairwiseKappa[] {
  const { coderIds, units } = buildReliabilityData(records);
  const result: TPairwiseKappa[] = [];
  for (let a = 0; a < coderIds.length; a++) {
    for (let b = a + 1; b < coderIds.length; b++) {
      const pairs: [TCodeValue, TCodeValue][] = [];
      for (const unit of units) {
        const [va, vb] = [unit[a], unit[b]];
        if (va !== undefined && vb !== undefined) pairs.push([va, vb]);
      }
      result.push({ coderA: coderIds[a], coderB: coderIds[b], ...computeCohenKappa(pairs, options) });
    }
  }
  return result;
}

export type TAgreementGrouping = "party" | "dimension" | "document";

/** A code with the keys it can be grouped by. In Redlines a unit is a matrix cell: one clause for one party. */
export type TGroupedCodeRecord = TCodeRecord & {
  partyId: string;
  documentId: string;
  /** The dimensions the unit concerns (the clause's topics): a unit counts in each of them, or in none. */
  dimensionIds: readonly string[];
};

export type TGroupAlpha = {
  group: string;
  /** Coders with at least one record in the group. */
  coders: number;
  result: TAlphaResult;
};

function groupKeysOf(record: TGroupedCodeRecord, by: TAgreementGrouping): readonly string[] {
  switch (by) {
    case "party":
      return [record.partyId];
    case "document":
      return [record.documentId];
    case "dimension":
      return [...new Set(record.dimensionIds)];
    default: {
      const unreachable: never = by;
      return unreachable;
    }
  }
}

/**
 * Alpha per party, dimension or document, groups sorted by key. Every record of a unit must carry the same keys:
 * a unit split across groups would be compared with itself in none of them, so inconsistent keys are refused.
 */
export function computeAlphaByGroup(
  records: readonly TGroupedCodeRecord[],
  options: TAlphaOptions & { by: TAgreementGrouping },
): TGroupAlpha[] {
  const keysOfUnit = new Map<string, string>();
  const groups = new Map<string, TCodeRecord[]>();
  records.forEach((record, i) => {
    const signature = JSON.stringify([record.partyId, record.documentId, [...new Set(record.dimensionIds)].sort()]);
    const seen = keysOfUnit.get(record.unit);
    if (seen !== undefined && seen !== signature) {
      throw new AppError("BAD_REQUEST", `unit '${record.unit}' has records with different grouping keys`, {
        [`records.${i}`]: ["party, document and dimensions must be the same for every record of a unit"],
      });
    }
    keysOfUnit.set(record.unit, signature);
    for (const key of groupKeysOf(record, options.by)) {
      const list = groups.get(key);
      const plain = { unit: record.unit, coder: record.coder, value: record.value };
      if (list) list.push(plain);
      else groups.set(key, [plain]);
    }
  });
  return [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((group) => {
      const groupRecords = groups.get(group) as TCodeRecord[];
      const data = buildReliabilityData(groupRecords);
      return { group, coders: data.coderIds.length, result: computeKrippendorffAlpha(data.units, options) };
    });
}

export type TDisagreement = {
  unit: string;
  /** Every coder's value for the unit, coders in order of first appearance. */
  values: { coder: string; value: TCodeValue }[];
  /** Largest minus smallest numeric value, null when fewer than two values are numbers. */
  spread: number | null;
};

/**
 * Units that at least two coders coded with different values ("no stated position" differs from every score),
 * in order of first appearance: the list a team works through to resolve its codes.
 */
export function findDisagreements(records: readonly TCodeRecord[]): TDisagreement[] {
  const { unitIds, coderIds, units } = buildReliabilityData(records);
  const found: TDisagreement[] = [];
  units.forEach((unit, u) => {
    const values: { coder: string; value: TCodeValue }[] = [];
    unit.forEach((value, c) => {
      if (value !== undefined) values.push({ coder: coderIds[c], value });
    });
    if (values.length < 2 || values.every((v) => v.value === values[0].value)) return;
    const numbers = values.map((v) => v.value).filter((v): v is number => typeof v === "number");
    const spread = numbers.length >= 2 ? Math.max(...numbers) - Math.min(...numbers) : null;
    found.push({ unit: unitIds[u], values, spread });
  });
  return found;
}

import fc from "fast-check";
import {
  buildReliabilityData,
  computeAlphaByGroup,
  computeCohenKappa,
  computeKrippendorffAlpha,
  computePairwiseKappa,
  findDisagreements,
  type TCodeRecord,
  type TCodeValue,
  type TGroupedCodeRecord,
} from "@/lib/domain/agreement";
import { AppError } from "@/lib/domain/errors";

/** Published tables list coders in rows and units in columns; the functions take one row per unit. */
function unitsOf(coderRows: readonly (readonly (TCodeValue | undefined)[])[]): (TCodeValue | undefined)[][] {
  return coderRows[0].map((_, u) => coderRows.map((row) => row[u]));
}

const _ = undefined;

/**
 * K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for Communication
 * (https://repository.upenn.edu/asc_papers/43): 4 observers × 12 units with missing values. The paper reports
 * nominal α = 0.743, ordinal α = 0.815, interval α = 0.849. The same table is Krippendorff (2004, p. 230);
 * DKPro Statistics' Krippendorff2004Test gives Do = 0.200 and De = 0.779 (nominal), Do = 0.433 and De = 2.872
 * (interval); the `krippendorff` Python package's tests give ordinal 0.815.
 */
const KRIPPENDORFF_2011 = unitsOf([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

/**
 * Wikipedia, "Krippendorff's alpha", section "A computational example": 3 coders × 15 units. Nominal α = 0.691
 * and interval α = 0.811, as the `krippendorff` Python package's tests pin them (0.691358 and 0.810845).
 */
const WIKIPEDIA_EXAMPLE = unitsOf([
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
]);

function expectBadRequest(run: () => unknown): AppError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe("BAD_REQUEST");
  return caught as AppError;
}

describe("computeKrippendorffAlpha reproduces published values", () => {
  it("gives nominal 0.743 (Do 0.200, De 0.779) on Krippendorff's 4 × 12 example, dropping the lone value", () => {
    const result = computeKrippendorffAlpha(KRIPPENDORFF_2011, { metric: "nominal" });
    expect(result.alpha).toBeCloseTo(0.743, 3);
    expect(result.observedDisagreement).toBeCloseTo(0.2, 3);
    expect(result.expectedDisagreement).toBeCloseTo(0.779, 3);
    // Unit 12 has a single value, so 11 units and 40 pairable values remain (the paper's n.. = 40).
    expect(result.units).toBe(11);
    expect(result.pairable).toBeCloseTo(40, 10);
    expect(result.undefinedReason).toBeNull();
  });

  it("gives ordinal 0.815 on the same data", () => {
    expect(computeKrippendorffAlpha(KRIPPENDORFF_2011, { metric: "ordinal" }).alpha).toBeCloseTo(0.815, 3);
  });

  it("gives interval 0.849 (Do 0.433, De 2.872) on the same data", () => {
    const result = computeKrippendorffAlpha(KRIPPENDORFF_2011, { metric: "interval" });
    expect(result.alpha).toBeCloseTo(0.849, 3);
    expect(result.observedDisagreement).toBeCloseTo(0.433, 3);
    expect(result.expectedDisagreement).toBeCloseTo(2.872, 3);
  });

  it("gives nominal 0.691358 and interval 0.810845 on Wikipedia's 3 × 15 example", () => {
    expect(computeKrippendorffAlpha(WIKIPEDIA_EXAMPLE, { metric: "nominal" }).alpha).toBeCloseTo(0.691358, 6);
    expect(computeKrippendorffAlpha(WIKIPEDIA_EXAMPLE, { metric: "interval" }).alpha).toBeCloseTo(0.810845, 6);
  });
});

describe("computeKrippendorffAlpha edge cases", () => {
  it("is 1 under perfect agreement on varied values, for every metric", () => {
    const units = [
      [-2, -2, -2],
      [0, 0, _],
      [2, 2, 2],
      [1, _, 1],
    ];
    for (const metric of ["nominal", "ordinal", "interval"] as const) {
      const result = computeKrippendorffAlpha(units, { metric });
      expect(result.alpha).toBe(1);
      expect(result.observedDisagreement).toBe(0);
    }
  });

  it("is undefined with a single coder: no unit has two values to pair", () => {
    const result = computeKrippendorffAlpha(
      [[1], [2], [-1]].map((u) => [...u, _]),
      { metric: "interval" },
    );
    expect(result).toMatchObject({ alpha: null, undefinedReason: "no-pairable-values", units: 0, pairable: 0 });
    expect(result.observedDisagreement).toBeNull();
    expect(computeKrippendorffAlpha([], { metric: "nominal" }).alpha).toBeNull();
  });

  it("is undefined, not 1, when every value is the same: there is no variation to agree on", () => {
    const result = computeKrippendorffAlpha(
      [
        [2, 2],
        [2, 2, 2],
      ],
      { metric: "nominal" },
    );
    expect(result).toMatchObject({ alpha: null, undefinedReason: "no-variation", expectedDisagreement: 0 });
  });

  it("does not depend on the order of coders within a unit", () => {
    const shuffled = KRIPPENDORFF_2011.map((unit) => [...unit].reverse());
    for (const metric of ["nominal", "ordinal", "interval"] as const) {
      expect(computeKrippendorffAlpha(shuffled, { metric }).alpha).toBeCloseTo(
        computeKrippendorffAlpha(KRIPPENDORFF_2011, { metric }).alpha as number,
        12,
      );
    }
  });

  it("keeps interval alpha under any positive affine change of scale, and ordinal alpha under any monotone one", () => {
    const scores = fc.constantFrom<TCodeValue | undefined>(-2, -1, 0, 1, 2, _);
    fc.assert(
      fc.property(
        fc.array(fc.array(scores, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 12 }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.integer({ min: -5, max: 5 }),
        (units, scale, shift) => {
          const interval = computeKrippendorffAlpha(units, { metric: "interval" });
          const moved = units.map((u) => u.map((v) => (typeof v === "number" ? v * scale + shift : v)));
          const intervalMoved = computeKrippendorffAlpha(moved, { metric: "interval" });
          const ordinal = computeKrippendorffAlpha(units, { metric: "ordinal" });
          const cubed = units.map((u) => u.map((v) => (typeof v === "number" ? v ** 3 : v)));
          const ordinalCubed = computeKrippendorffAlpha(cubed, { metric: "ordinal" });
          if (interval.alpha === null) expect(intervalMoved.alpha).toBeNull();
          else expect(intervalMoved.alpha).toBeCloseTo(interval.alpha, 9);
          if (ordinal.alpha === null) expect(ordinalCubed.alpha).toBeNull();
          else expect(ordinalCubed.alpha).toBeCloseTo(ordinal.alpha, 9);
        },
      ),
    );
  });

  it("never exceeds 1", () => {
    const codes = fc.constantFrom<TCodeValue | undefined>(-2, -1, 0, 1, 2, null, _);
    fc.assert(
      fc.property(fc.array(fc.array(codes, { minLength: 2, maxLength: 4 }), { maxLength: 15 }), (units) => {
        for (const metric of ["nominal", "ordinal", "interval"] as const) {
          const { alpha } = computeKrippendorffAlpha(units, { metric });
          if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });
});

describe('"no stated position" (null)', () => {
  const units = [
    [null, null, _],
    [2, null, 2],
    [-1, -1, 0],
    [1, 1, 1],
    [null, -2, _],
  ];

  it("is a category of its own for nominal alpha, so null against a score is a disagreement", () => {
    const withNull = computeKrippendorffAlpha(units, { metric: "nominal" });
    expect(withNull.units).toBe(5);
    expect(withNull.pairable).toBe(13);
    expect(withNull.excludedNoPosition).toBe(0);
    const scoredOnly = computeKrippendorffAlpha(units, { metric: "nominal", noStatedPosition: "exclude" });
    expect(scoredOnly.units).toBe(3);
    expect(scoredOnly.excludedNoPosition).toBe(4);
    expect(scoredOnly.alpha).not.toBeCloseTo(withNull.alpha as number, 3);
  });

  it("is left out of ordinal and interval alpha, and the dropped values are counted", () => {
    for (const metric of ["ordinal", "interval"] as const) {
      const result = computeKrippendorffAlpha(units, { metric });
      // Units 1 and 5 lose their pairs; unit 2 keeps two scores.
      expect(result.units).toBe(3);
      expect(result.pairable).toBe(8);
      expect(result.excludedNoPosition).toBe(4);
      const withoutNulls = units.map((u) => u.map((v) => (v === null ? _ : v)));
      expect(result.alpha).toBeCloseTo(computeKrippendorffAlpha(withoutNulls, { metric }).alpha as number, 12);
    }
  });

  it("does not count a null that had nothing to pair with", () => {
    expect(computeKrippendorffAlpha([[null, _, _]], { metric: "ordinal" }).excludedNoPosition).toBe(0);
  });

  it("cannot be made a category of ordinal alpha", () => {
    const error = expectBadRequest(() =>
      computeKrippendorffAlpha(units, { metric: "ordinal", noStatedPosition: "category" }),
    );
    expect(error.fieldErrors).toHaveProperty("noStatedPosition");
  });
});

describe("computeKrippendorffAlpha refuses values it cannot read", () => {
  it("refuses non-finite numbers and, beyond nominal, strings; the input stays as it was", () => {
    const units = Object.freeze([Object.freeze([1, 1]), Object.freeze(["a", "a"])]);
    expectBadRequest(() => computeKrippendorffAlpha(units, { metric: "interval" }));
    expectBadRequest(() => computeKrippendorffAlpha([[1, Number.NaN]], { metric: "nominal" }));
    expectBadRequest(() => computeKrippendorffAlpha([[1, Infinity]], { metric: "ordinal" }));
    expect(units).toEqual([
      [1, 1],
      ["a", "a"],
    ]);
    expect(computeKrippendorffAlpha(units, { metric: "nominal" }).alpha).toBe(1);
  });
});

describe("buildReliabilityData", () => {
  const records: TCodeRecord[] = [
    { unit: "us-28#1|ua", coder: "ann", value: 2 },
    { unit: "us-28#1|ua", coder: "ben", value: 1 },
    { unit: "us-28#2|ua", coder: "ben", value: null },
    { unit: "us-28#2|ua", coder: "cho", value: null },
  ];

  it("lays records out as units × coders in order of first appearance, with gaps as undefined", () => {
    expect(buildReliabilityData(records)).toEqual({
      unitIds: ["us-28#1|ua", "us-28#2|ua"],
      coderIds: ["ann", "ben", "cho"],
      units: [
        [2, 1, _],
        [_, null, null],
      ],
    });
  });

  it("refuses a second code by the same coder for the same unit", () => {
    const input = Object.freeze([...records, { unit: "us-28#1|ua", coder: "ann", value: -2 }]);
    const error = expectBadRequest(() => buildReliabilityData(input));
    expect(error.message).toContain("ann");
    expect(input).toHaveLength(5);
  });

  it("reproduces the 4 × 12 example from records", () => {
    const coders = ["A", "B", "C", "D"];
    const fromRecords: TCodeRecord[] = [];
    KRIPPENDORFF_2011.forEach((unit, u) =>
      unit.forEach((value, c) => {
        if (value !== undefined) fromRecords.push({ unit: `u${u + 1}`, coder: coders[c], value });
      }),
    );
    const { units } = buildReliabilityData(fromRecords);
    expect(computeKrippendorffAlpha(units, { metric: "nominal" }).alpha).toBeCloseTo(0.743, 3);
  });
});

/** Expands a contingency table (rows: coder A's value, columns: coder B's) into one pair per unit. */
function pairsOf(categories: readonly TCodeValue[], table: readonly (readonly number[])[]): [TCodeValue, TCodeValue][] {
  const pairs: [TCodeValue, TCodeValue][] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => pairs.push(...Array(count).fill([categories[i], categories[j]]))),
  );
  return pairs;
}

describe("computeCohenKappa reproduces published values", () => {
  it("gives κ = 0.4 on the 50 grant proposals read by two readers (po 0.70, pe 0.50)", () => {
    // Wikipedia, "Cohen's kappa", worked example: both say yes 20, A yes / B no 5, A no / B yes 10, both no 15.
    const result = computeCohenKappa(
      pairsOf(
        ["yes", "no"],
        [
          [20, 5],
          [10, 15],
        ],
      ),
    );
    expect(result.units).toBe(50);
    expect(result.observedAgreement).toBeCloseTo(0.7, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it("gives κ = 0.492 on Cohen's (1960, p. 45) 200-item three-category table (po 0.70, pe 0.41)", () => {
    // J. Cohen (1960), "A coefficient of agreement for nominal scales", Educational and Psychological Measurement
    // 20(1), 37–46; the table as DKPro Statistics' Cohen1960Test transcribes it.
    const result = computeCohenKappa(
      pairsOf(
        [1, 2, 3],
        [
          [88, 14, 18],
          [10, 40, 10],
          [2, 6, 12],
        ],
      ),
    );
    expect(result.units).toBe(200);
    expect(result.observedAgreement).toBeCloseTo(0.7, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.41, 12);
    expect(result.kappa).toBeCloseTo(0.492, 3);
  });
});

describe("computeCohenKappa edge cases", () => {
  it("is 1 under perfect agreement and undefined without pairs or without variation", () => {
    expect(
      computeCohenKappa([
        [1, 1],
        [null, null],
        [-2, -2],
      ]).kappa,
    ).toBe(1);
    expect(computeCohenKappa([])).toMatchObject({ kappa: null, undefinedReason: "no-paired-units", units: 0 });
    expect(
      computeCohenKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toMatchObject({ kappa: null, undefinedReason: "no-variation", observedAgreement: 1 });
  });

  it("counts null as a category unless asked to leave it out", () => {
    const pairs: [TCodeValue, TCodeValue][] = [
      [null, 2],
      [1, 1],
      [2, 2],
      [null, null],
    ];
    expect(computeCohenKappa(pairs).units).toBe(4);
    expect(computeCohenKappa(pairs, { noStatedPosition: "exclude" })).toMatchObject({ units: 2, kappa: 1 });
  });

  it("is symmetric in the two coders", () => {
    const code = fc.constantFrom<TCodeValue>(-2, -1, 0, 1, 2, null);
    fc.assert(
      fc.property(fc.array(fc.tuple(code, code), { maxLength: 30 }), (pairs) => {
        const ab = computeCohenKappa(pairs);
        const ba = computeCohenKappa(pairs.map(([a, b]) => [b, a] as [TCodeValue, TCodeValue]));
        expect(ba.kappa === null).toBe(ab.kappa === null);
        if (ab.kappa !== null) expect(ba.kappa).toBeCloseTo(ab.kappa, 12);
      }),
    );
  });
});

describe("computePairwiseKappa", () => {
  it("computes kappa for each pair of coders over the units both coded", () => {
    const records: TCodeRecord[] = [];
    pairsOf(
      ["yes", "no"],
      [
        [20, 5],
        [10, 15],
      ],
    ).forEach(([a, b], i) => {
      records.push({ unit: `p${i}`, coder: "reader-a", value: a }, { unit: `p${i}`, coder: "reader-b", value: b });
    });
    records.push({ unit: "p0", coder: "reader-c", value: "yes" });
    const result = computePairwiseKappa(records);
    expect(result.map((r) => [r.coderA, r.coderB, r.units])).toEqual([
      ["reader-a", "reader-b", 50],
      ["reader-a", "reader-c", 1],
      ["reader-b", "reader-c", 1],
    ]);
    expect(result[0].kappa).toBeCloseTo(0.4, 12);
    expect(result[1]).toMatchObject({ kappa: null, undefinedReason: "no-variation" });
  });

  it("lists a pair with no unit in common as undefined", () => {
    const result = computePairwiseKappa([
      { unit: "x", coder: "a", value: 1 },
      { unit: "y", coder: "b", value: 1 },
    ]);
    expect(result).toEqual([
      {
        coderA: "a",
        coderB: "b",
        kappa: null,
        undefinedReason: "no-paired-units",
        units: 0,
        observedAgreement: null,
        expectedAgreement: null,
      },
    ]);
  });
});

describe("computeAlphaByGroup", () => {
  function cell(
    clause: string,
    partyId: string,
    dimensionIds: string[],
    values: Record<string, TCodeValue>,
  ): TGroupedCodeRecord[] {
    return Object.entries(values).map(([coder, value]) => ({
      unit: `${clause}|${partyId}`,
      coder,
      value,
      partyId,
      documentId: clause.split("#")[0],
      dimensionIds,
    }));
  }

  const records = [
    ...cell("us-28#1", "ua", ["territory"], { ann: -2, ben: -2 }),
    ...cell("us-28#1", "ru", ["territory"], { ann: 2, ben: 1 }),
    ...cell("us-28#2", "ua", ["security", "territory"], { ann: 0, ben: 0 }),
    ...cell("us-28#2", "ru", ["security", "territory"], { ann: -1, ben: 2, cho: -1 }),
    ...cell("eu-24#1", "ua", [], { ann: 1, ben: 1 }),
  ];

  it("computes alpha per party over that party's cells, groups sorted by key", () => {
    const groups = computeAlphaByGroup(records, { by: "party", metric: "interval" });
    expect(groups.map((g) => [g.group, g.coders, g.result.units])).toEqual([
      ["ru", 3, 2],
      ["ua", 2, 3],
    ]);
    expect(groups[1].result.alpha).toBe(1);
    const ru = buildReliabilityData(records.filter((r) => r.partyId === "ru")).units;
    expect(groups[0].result.alpha).toBeCloseTo(computeKrippendorffAlpha(ru, { metric: "interval" }).alpha as number);
  });

  it("puts a unit in every dimension it concerns and in none when it has no topic", () => {
    const groups = computeAlphaByGroup(records, { by: "dimension", metric: "nominal" });
    expect(groups.map((g) => [g.group, g.result.units])).toEqual([
      ["security", 2],
      ["territory", 4],
    ]);
  });

  it("groups by document", () => {
    const groups = computeAlphaByGroup(records, { by: "document", metric: "ordinal" });
    expect(groups.map((g) => [g.group, g.result.units])).toEqual([
      ["eu-24", 1],
      ["us-28", 4],
    ]);
    expect(groups[0].result).toMatchObject({ alpha: null, undefinedReason: "no-variation" });
  });

  it("refuses a unit whose records disagree on its grouping keys", () => {
    const broken = [...records, { ...records[0], coder: "dan", partyId: "ru" }];
    expectBadRequest(() => computeAlphaByGroup(broken, { by: "party", metric: "nominal" }));
  });
});

describe("findDisagreements", () => {
  it("lists units whose coders differ, with every coder's value and the numeric spread", () => {
    const records: TCodeRecord[] = [
      { unit: "c1", coder: "ann", value: 2 },
      { unit: "c1", coder: "ben", value: -1 },
      { unit: "c1", coder: "cho", value: 1 },
      { unit: "c2", coder: "ann", value: 0 },
      { unit: "c2", coder: "ben", value: 0 },
      { unit: "c3", coder: "ann", value: null },
      { unit: "c3", coder: "ben", value: 1 },
      { unit: "c4", coder: "cho", value: 2 },
      { unit: "c5", coder: "ben", value: null },
      { unit: "c5", coder: "cho", value: null },
    ];
    expect(findDisagreements(records)).toEqual([
      {
        unit: "c1",
        values: [
          { coder: "ann", value: 2 },
          { coder: "ben", value: -1 },
          { coder: "cho", value: 1 },
        ],
        spread: 3,
      },
      {
        unit: "c3",
        values: [
          { coder: "ann", value: null },
          { coder: "ben", value: 1 },
        ],
        spread: null,
      },
    ]);
  });
});

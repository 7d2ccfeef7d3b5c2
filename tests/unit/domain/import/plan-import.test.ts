/**
 * planImport and previewImport: the rows an import writes, what is carried forward (and what is not), the
 * researcher's corrections, and every kind of bad input refused with a message that names the problem.
 */
import { AppError } from "@/lib/domain/errors";
import {
  IMPORT_LIMITS,
  planImport,
  previewImport,
  resolveImportLinks,
  toImportedDocumentId,
  type TImportBase,
  type TImportCorrection,
  type TImportLink,
  type TPlanImportOptions,
} from "@/lib/domain/import/plan-import";

const BASE: TImportBase = {
  id: "plan-v1",
  clauses: [
    {
      id: "plan-v1#1",
      number: "1",
      ordinal: 0,
      heading: "Sovereignty",
      headingJa: "主権",
      text: "Ukraine's sovereignty is reaffirmed by every signatory of this agreement.",
      textJa: "署名国はすべてウクライナの主権を再確認する。",
      topics: ["sovereignty"],
    },
    {
      id: "plan-v1#2",
      number: "2",
      ordinal: 1,
      heading: "Army size",
      headingJa: "軍の規模",
      text: "The armed forces of Ukraine are capped at 600,000 personnel.",
      textJa: "ウクライナ軍の兵力の上限を60万人とする。",
      topics: ["military-limits"],
    },
    {
      id: "plan-v1#3",
      number: "3",
      ordinal: 2,
      heading: "Amnesty",
      headingJa: "恩赦",
      text: "Every party to the conflict receives full amnesty for acts committed during the war.",
      textJa: "紛争の全当事者は戦争中の行為について完全な恩赦を受ける。",
      topics: ["amnesty-accountability"],
    },
  ],
  assessments: [
    {
      id: "reference:plan-v1#1:ua",
      clauseId: "plan-v1#1",
      partyId: "ua",
      coderId: "reference",
      coderKind: "reference",
      score: 1,
      rationale: "Matches Kyiv's sovereignty red line.",
      rationaleJa: "主権に関するキーウのレッドラインに合致する。",
      confidence: "high",
      evidence: ["ua-sov-2", "ua-sov-1"],
    },
    {
      id: "consensus:plan-v1#1:ru",
      clauseId: "plan-v1#1",
      partyId: "ru",
      coderId: "consensus",
      coderKind: "consensus",
      score: 0,
      rationale: "Adjudicated as mixed.",
      rationaleJa: null,
      confidence: "medium",
      evidence: [],
    },
    {
      id: "alice:plan-v1#1:ua",
      clauseId: "plan-v1#1",
      partyId: "ua",
      coderId: "alice",
      coderKind: "researcher",
      score: 2,
      rationale: "My own reading.",
      rationaleJa: null,
      confidence: "low",
      evidence: ["ua-sov-1"],
    },
    {
      id: "reference:plan-v1#2:ua",
      clauseId: "plan-v1#2",
      partyId: "ua",
      coderId: "reference",
      coderKind: "reference",
      score: -1,
      rationale: "A cap Kyiv rejected.",
      rationaleJa: null,
      confidence: "high",
      evidence: ["ua-army-1"],
    },
  ],
};

/** Point 1 unchanged, point 2 modified (figure), point 3 (amnesty) dropped, a new point 3 on monitoring. */
const TEXT = [
  "Revised peace framework",
  "",
  "1. Ukraine's sovereignty is reaffirmed by every signatory of this agreement.",
  "2. The armed forces of Ukraine are capped at 800,000 personnel in peacetime.",
  "3. A monitoring mission led by the United States supervises the ceasefire along the line of contact.",
].join("\n");

const PROVENANCE = {
  title: "Revised framework (Geneva)",
  date: "2025-11-30",
  origin: "Reported by Example Wire from a draft seen by its reporters.",
  completeness: "full",
  sources: [{ outlet: "Example Wire", url: "https://example.org/revised", date: "2025-11-30" }],
};

const plan = (overrides: Partial<TPlanImportOptions> = {}) =>
  planImport({ text: TEXT, base: BASE, provenance: PROVENANCE, ...overrides });

/** Runs `fn` on bad input and returns the AppError it must throw. */
function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("accepted input it should refuse");
}

const linkSummary = (links: readonly TImportLink[]) =>
  links.map((l) => `${l.fromNumber ?? "-"} ${l.relation} ${l.toNumber ?? "-"}`);

describe("previewImport", () => {
  it("parses the points and proposes their alignment to the base, with confidences", () => {
    const preview = previewImport({ text: TEXT, base: BASE });
    expect(preview.parsed.clauses.map((c) => c.number)).toEqual(["1", "2", "3"]);
    expect(preview.parsed.preamble).toBe("Revised peace framework");
    expect(preview.baseDocumentId).toBe("plan-v1");
    expect(linkSummary(preview.proposed!)).toEqual(["1 unchanged 1", "2 modified 2", "3 removed -", "- added 3"]);
    for (const link of preview.proposed!) {
      expect(link.confidence).toBeGreaterThan(0);
      expect(link.confidence).toBeLessThanOrEqual(1);
    }
    expect(preview.proposed![0].evidence).toMatchObject({ sameContent: true });
    expect(preview.alignedOn).toBe("en");
  });

  it("parses without proposing when no base document is chosen", () => {
    const preview = previewImport({ text: TEXT, base: null });
    expect(preview).toMatchObject({ baseDocumentId: null, proposed: null, alignedOn: null });
    expect(preview.parsed.clauses).toHaveLength(3);
  });

  it("aligns a Japanese text against the base's Japanese texts", () => {
    const preview = previewImport({
      text: "1. 署名国はすべてウクライナの主権を再確認する。\n2. 紛争の全当事者は戦争中の行為について完全な恩赦を受ける。",
      base: BASE,
    });
    expect(preview.alignedOn).toBe("ja");
    expect(linkSummary(preview.proposed!)).toEqual(["1 unchanged 1", "2 removed -", "3 moved 2"]);
  });

  it.each([
    ["empty text", "", /empty/],
    ["only blank lines", "\n  \n\t\n", /empty/],
    ["no numbering", "Sovereignty is reaffirmed.\nThe army is capped.", /No numbered points/],
    ["a duplicate number", "1. Sovereignty.\n2. Army.\n2. Amnesty.", /used more than once: 2 \(lines 2, 3\)/],
    ["binary content", "1. Sovereignty\u0000\u0000\u0001", /NUL bytes/],
    ["mis-decoded text", `1. ${"\ufffd".repeat(40)}`, /does not look like plain text/],
  ])("refuses %s with BAD_REQUEST naming the problem", (_name, text, message) => {
    const error = refusal(() => previewImport({ text, base: BASE }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    expect(error.fieldErrors).toHaveProperty("text");
  });

  it("refuses a text over 1 MB as too large, measured in UTF-8 bytes or as uploaded", () => {
    const big = `1. ${"a".repeat(IMPORT_LIMITS.maxBytes)}`;
    expect(refusal(() => previewImport({ text: big, base: BASE }))).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/over the 1 MB limit/),
    });
    // 350,000 three-byte characters are 1,050,000 bytes although the string is shorter than 1 MB.
    const wide = `1. ${"語".repeat(350_000)}`;
    expect(refusal(() => previewImport({ text: wide, base: BASE })).code).toBe("PAYLOAD_TOO_LARGE");
    expect(refusal(() => previewImport({ text: TEXT, byteLength: IMPORT_LIMITS.maxBytes + 1, base: BASE })).code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
  });
});

describe("planImport: the rows", () => {
  it("derives the document id from the title and date", () => {
    expect(plan().documentId).toBe("revised-framework-geneva-2025-11-30");
    expect(toImportedDocumentId("Réponse européenne — 28 points", "2025-11-23")).toBe(
      "reponse-europeenne-28-points-2025-11-23",
    );
    expect(toImportedDocumentId("欧州の対案", "2025-11-23")).toBe("imported-2025-11-23");
    const long = toImportedDocumentId("word ".repeat(60), "2025-11-23");
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).toMatch(/^word(-word)*-2025-11-23$/);
  });

  it("writes the document with its provenance and every clause citing the provenance sources", () => {
    const p = plan({
      provenance: {
        ...PROVENANCE,
        titleJa: "修正枠組み",
        sources: [...PROVENANCE.sources, { outlet: "Second Wire", url: "https://example.net/b" }],
      },
    });
    expect(p.document).toEqual({
      id: "revised-framework-geneva-2025-11-30",
      title: "Revised framework (Geneva)",
      titleJa: "修正枠組み",
      date: "2025-11-30",
      origin: PROVENANCE.origin,
      originJa: null,
      completeness: "full",
      note: null,
      noteJa: null,
    });
    expect(p.sources.map((s) => s.outlet)).toEqual(["Example Wire", "Second Wire"]);
    expect(p.sources[1].date).toBeNull();
    expect(p.clauses.map((c) => c.id)).toEqual([
      "revised-framework-geneva-2025-11-30#1",
      "revised-framework-geneva-2025-11-30#2",
      "revised-framework-geneva-2025-11-30#3",
    ]);
    for (const c of p.clauses) {
      expect(p.clauseSources.filter((s) => s.clauseId === c.id).map((s) => s.sourceId)).toEqual(
        p.sources.map((s) => s.id),
      );
    }
    expect(p.clauses[1]).toMatchObject({
      number: "2",
      ordinal: 1,
      text: "The armed forces of Ukraine are capped at 800,000 personnel in peacetime.",
    });
  });

  it("stores the confirmed alignment with the aligner's confidences, removals and additions included", () => {
    const p = plan();
    expect(p.alignments.map((a) => [a.fromClauseId, a.relation, a.toClauseId])).toEqual([
      ["plan-v1#1", "unchanged", "revised-framework-geneva-2025-11-30#1"],
      ["plan-v1#2", "modified", "revised-framework-geneva-2025-11-30#2"],
      [null, "added", "revised-framework-geneva-2025-11-30#3"],
      ["plan-v1#3", "removed", null],
    ]);
    for (const a of p.alignments) {
      expect(a).toMatchObject({ origin: "confirmed", fromDocumentId: "plan-v1" });
      expect(a.toDocumentId).toBe("revised-framework-geneva-2025-11-30");
      expect(a.confidence).toEqual(expect.any(Number));
    }
    expect(new Set(p.alignments.map((a) => a.id)).size).toBe(4);
    expect(p.summary).toMatchObject({
      clauses: 3,
      relations: { unchanged: 1, modified: 1, added: 1, removed: 1, moved: 0, merged: 0, split: 0 },
      inheritedAssessments: 2,
      carriedTopics: 1,
      sources: 1,
      corrections: 0,
    });
  });

  it("carries the reference and consensus assessments of unchanged points only, marked inherited", () => {
    const p = plan();
    expect(p.assessments).toEqual([
      {
        id: "reference:revised-framework-geneva-2025-11-30#1:ua",
        clauseId: "revised-framework-geneva-2025-11-30#1",
        partyId: "ua",
        coderId: "reference",
        score: 1,
        rationale: "Matches Kyiv's sovereignty red line.",
        rationaleJa: "主権に関するキーウのレッドラインに合致する。",
        confidence: "high",
        status: "inherited",
        inheritedFromId: "reference:plan-v1#1:ua",
      },
      expect.objectContaining({ coderId: "consensus", partyId: "ru", status: "inherited", score: 0 }),
    ]);
    expect(p.assessmentEvidence).toEqual([
      { assessmentId: "reference:revised-framework-geneva-2025-11-30#1:ua", positionId: "ua-sov-2", ordinal: 0 },
      { assessmentId: "reference:revised-framework-geneva-2025-11-30#1:ua", positionId: "ua-sov-1", ordinal: 1 },
    ]);
    // The researcher's own coding stays theirs; the modified point 2 inherits nothing.
    expect(p.assessments.some((a) => a.coderId === "alice")).toBe(false);
    expect(p.assessments.some((a) => a.clauseId.endsWith("#2"))).toBe(false);
    expect(p.clauseTopics).toEqual([
      { clauseId: "revised-framework-geneva-2025-11-30#1", dimensionId: "sovereignty", ordinal: 0 },
    ]);
  });

  it("carries nothing when the researcher says the unchanged point was modified", () => {
    const p = plan({ corrections: [{ toNumber: "1", fromNumber: "1", relation: "modified" }] });
    expect(p.assessments).toEqual([]);
    expect(p.clauseTopics).toEqual([]);
    expect(p.alignments[0]).toMatchObject({ relation: "modified", confidence: null });
  });
});

describe("planImport: corrections", () => {
  const links = (corrections: TImportCorrection[]) => linkSummary(plan({ corrections }).links);

  it("re-links a point, and the base point it no longer takes becomes removed", () => {
    expect(links([{ toNumber: "3", fromNumber: "3", relation: "modified" }])).toEqual([
      "1 unchanged 1",
      "2 modified 2",
      "3 modified 3",
    ]);
  });

  it("marks a point added, and its former base point removed", () => {
    expect(links([{ toNumber: "2", fromNumber: null, relation: "added" }])).toEqual([
      "1 unchanged 1",
      "- added 2",
      "- added 3",
      "2 removed -",
      "3 removed -",
    ]);
  });

  it("accepts a merge of two base points into one point", () => {
    expect(
      links([
        { toNumber: "3", fromNumber: "2", relation: "merged" },
        { toNumber: "3", fromNumber: "3", relation: "merged" },
        { toNumber: "2", fromNumber: null, relation: "added" },
      ]),
    ).toEqual(["1 unchanged 1", "- added 2", "2 merged 3", "3 merged 3"]);
  });

  it("accepts a split of one base point into two points", () => {
    expect(
      links([
        { toNumber: "2", fromNumber: "2", relation: "split" },
        { toNumber: "3", fromNumber: "2", relation: "split" },
      ]),
    ).toEqual(["1 unchanged 1", "2 split 2", "2 split 3", "3 removed -"]);
  });

  it("keeps the aligner's confidence on a confirmed proposal and none on the researcher's own link", () => {
    const p = plan({ corrections: [{ toNumber: "2", fromNumber: "2", relation: "modified" }] });
    expect(p.links[1].confidence).toEqual(expect.any(Number));
    const own = plan({ corrections: [{ toNumber: "3", fromNumber: "3", relation: "modified" }] });
    expect(own.links[2].confidence).toBeNull();
  });

  it.each([
    [
      "a point the text does not have",
      [{ toNumber: "9", fromNumber: "1", relation: "modified" }],
      /names point 9, which the text does not have/,
    ],
    [
      "a base point the base does not have",
      [{ toNumber: "2", fromNumber: "7", relation: "modified" }],
      /base point 7, which plan-v1 does not have/,
    ],
    [
      "an added point with a base point",
      [{ toNumber: "2", fromNumber: "2", relation: "added" }],
      /marked added, so it cannot come from base point 2/,
    ],
    [
      "a non-added point without a base point",
      [{ toNumber: "2", fromNumber: null, relation: "modified" }],
      /relation must be 'added'/,
    ],
    [
      "a repeated link",
      [
        { toNumber: "2", fromNumber: "2", relation: "modified" },
        { toNumber: "2", fromNumber: "2", relation: "modified" },
      ],
      /repeats the link of point 2 to base point 2/,
    ],
    [
      "several base points without a merge",
      [
        { toNumber: "2", fromNumber: "2", relation: "modified" },
        { toNumber: "2", fromNumber: "3", relation: "modified" },
      ],
      /Point 2 is linked to several base points \(2, 3\): mark each link as merged/,
    ],
    [
      "a merge of one",
      [{ toNumber: "3", fromNumber: "3", relation: "merged" }],
      /Point 3 is marked merged but comes from one base point/,
    ],
    [
      "several points without a split",
      [{ toNumber: "3", fromNumber: "2", relation: "modified" }],
      /Base point 2 is linked to several points \(2, 3\): mark each link as split/,
    ],
    [
      "a split into one",
      [{ toNumber: "3", fromNumber: "3", relation: "split" }],
      /Base point 3 is marked split but goes to one point/,
    ],
  ] as [string, TImportCorrection[], RegExp][])("refuses %s", (_name, corrections, message) => {
    const error = refusal(() => plan({ corrections }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
  });

  it.each([
    ["not a list", { toNumber: "1" }, /corrections: Give the corrections as a list/],
    ["an unknown relation", [{ toNumber: "1", fromNumber: "1", relation: "rewritten" }], /corrections\.0\.relation/],
    ["a correction without a point", [{ fromNumber: "1", relation: "modified" }], /corrections\.0\.toNumber/],
  ])("refuses corrections that are %s", (_name, corrections, message) => {
    const error = refusal(() => plan({ corrections }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
  });

  it("refuses an alignment that leaves a point without a link", () => {
    const proposal: TImportLink[] = [{ relation: "unchanged", fromNumber: "1", toNumber: "1", confidence: 0.9 }];
    expect(refusal(() => resolveImportLinks(proposal, [], ["1", "2"], BASE)).message).toMatch(
      /Point 2 has no link in the alignment/,
    );
  });
});

describe("planImport: provenance", () => {
  it.each([
    ["no provenance", undefined, /provenance: Give the provenance/],
    ["a missing title", { ...PROVENANCE, title: "  " }, /provenance\.title: Give the document a title/],
    [
      "a date that is not a day",
      { ...PROVENANCE, date: "2025-02-30" },
      /provenance\.date: Write the date as YYYY-MM-DD/,
    ],
    ["no origin", { ...PROVENANCE, origin: "" }, /provenance\.origin: Say who drafted or published it/],
    ["an unknown completeness", { ...PROVENANCE, completeness: "most" }, /provenance\.completeness: /],
    ["no sources", { ...PROVENANCE, sources: [] }, /provenance\.sources: Give at least one source/],
    [
      "a plain-http source",
      { ...PROVENANCE, sources: [{ outlet: "X", url: "http://example.org/a" }] },
      /provenance\.sources\.0\.url: Give a full https:\/\/ address/,
    ],
    [
      "a source without an outlet",
      { ...PROVENANCE, sources: [{ outlet: "", url: "https://example.org/a" }] },
      /provenance\.sources\.0\.outlet: Name the outlet/,
    ],
    [
      "a source with a bad date",
      { ...PROVENANCE, sources: [{ outlet: "X", url: "https://example.org/a", date: "30/11/2025" }] },
      /provenance\.sources\.0\.date: Write the date as YYYY-MM-DD/,
    ],
  ])("refuses %s, naming the field", (_name, provenance, message) => {
    const error = refusal(() => plan({ provenance }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    expect(Object.keys(error.fieldErrors ?? {})[0]).toMatch(/^provenance/);
  });

  it("refuses a title that would give the new version the base document's id", () => {
    const base = { ...BASE, id: "revised-framework-geneva-2025-11-30" };
    const error = refusal(() => planImport({ text: TEXT, base, provenance: PROVENANCE }));
    expect(error.message).toMatch(/base document's id/);
  });
});

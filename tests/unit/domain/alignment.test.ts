/**
 * proposeAlignment on small hand-made documents (one behaviour each), on generated documents (invariants), and on
 * the reference alignments of the shipped dataset (a floor under the measured precision and recall).
 */
import fc from "fast-check";
import {
  computeWordDiff,
  proposeAlignment,
  type TAlignmentClause,
  type TProposedLink,
  type TProposedPairLink,
} from "@/lib/domain/alignment";
import { computeReferenceEvaluation } from "@/lib/domain/alignment-evaluation";
import { AppError } from "@/lib/domain/errors";
import { readReferenceDataset } from "@/prisma/seed/reference";

type TDraft = { number: string; heading: string; text: string; topics?: string[] };

function toClauses(prefix: string, drafts: readonly TDraft[]): TAlignmentClause[] {
  return drafts.map((d, ordinal) => ({ id: `${prefix}#${d.number}`, ordinal, topics: [], ...d }));
}

const SOVEREIGNTY: TDraft = {
  number: "1",
  heading: "Sovereignty",
  text: "Ukraine's sovereignty is reaffirmed by every signatory of this agreement.",
  topics: ["sovereignty"],
};
const ARMY: TDraft = {
  number: "2",
  heading: "Army size cap",
  text: "The armed forces of Ukraine are capped at 600,000 personnel.",
  topics: ["military-limits"],
};
const NATO: TDraft = {
  number: "3",
  heading: "No NATO membership",
  text: "Ukraine writes into its constitution that it will never join the North Atlantic alliance.",
  topics: ["nato-alliance"],
};
const ELECTIONS: TDraft = {
  number: "4",
  heading: "Elections",
  text: "Presidential and parliamentary elections are held within one hundred days of signature.",
  topics: ["elections-governance"],
};
const AMNESTY: TDraft = {
  number: "5",
  heading: "Amnesty",
  text: "Every party to the conflict receives full amnesty for acts committed during the war.",
  topics: ["amnesty-accountability"],
};
const ASSETS: TDraft = {
  number: "6",
  heading: "Frozen assets",
  text: "Frozen Russian assets finance the reconstruction of Ukraine under American leadership. European states add matching contributions and unfreeze European funds.",
  topics: ["frozen-assets", "reconstruction-economy"],
};
const BASE = [SOVEREIGNTY, ARMY, NATO, ELECTIONS, AMNESTY, ASSETS];
const from = toClauses("v1", BASE);

const renumber = (drafts: readonly TDraft[]) => drafts.map((d, k) => ({ ...d, number: String(k + 1) }));
const pairLinks = (links: TProposedLink[]) =>
  links.filter((l): l is TProposedPairLink => l.toId !== null && l.fromId !== null);
const linkFrom = (links: TProposedLink[], fromId: string) => links.filter((l) => l.fromId === fromId);
const summary = (links: TProposedLink[]) => links.map((l) => `${l.fromId ?? "-"} ${l.relation} ${l.toId ?? "-"}`);

describe("proposeAlignment: one relation at a time", () => {
  it("links identical documents clause by clause as unchanged, with full evidence and high confidence", () => {
    const links = proposeAlignment({ from, to: toClauses("v2", BASE) });
    expect(summary(links)).toEqual(BASE.map((d) => `v1#${d.number} unchanged v2#${d.number}`));
    for (const link of pairLinks(links)) {
      expect(link.confidence).toBeGreaterThan(0.9);
      expect(link.evidence).toMatchObject({
        text: 1,
        heading: 1,
        topics: 1,
        numberMatch: true,
        inOrder: true,
        sameContent: true,
      });
    }
  });

  it("calls a clause whose wording changed modified, keeping its number match as evidence", () => {
    const army = { ...ARMY, text: "The armed forces of Ukraine are capped at 800,000 personnel in peacetime." };
    const links = proposeAlignment({
      from,
      to: toClauses("v2", [SOVEREIGNTY, army, NATO, ELECTIONS, AMNESTY, ASSETS]),
    });
    const [link] = linkFrom(links, "v1#2") as TProposedPairLink[];
    expect(link).toMatchObject({ relation: "modified", toId: "v2#2" });
    expect(link.evidence.sameContent).toBe(false);
    expect(link.evidence.numberMatch).toBe(true);
    expect(link.evidence.text).toBeGreaterThan(0.5);
    expect(link.evidence.text).toBeLessThan(1);
  });

  it("treats a change of figures alone as a modification, not as unchanged", () => {
    const army = { ...ARMY, text: "The armed forces of Ukraine are capped at 800,000 personnel." };
    const links = proposeAlignment({
      from,
      to: toClauses("v2", [SOVEREIGNTY, army, NATO, ELECTIONS, AMNESTY, ASSETS]),
    });
    expect(linkFrom(links, "v1#2")[0]).toMatchObject({ relation: "modified", toId: "v2#2" });
  });

  it("after a deletion and renumbering, reports the deleted clause removed and the renumbered ones moved", () => {
    const to = toClauses("v2", renumber([SOVEREIGNTY, NATO, ELECTIONS, AMNESTY, ASSETS]));
    const links = proposeAlignment({ from, to });
    expect(summary(links)).toEqual([
      "v1#1 unchanged v2#1",
      "v1#2 removed -",
      "v1#3 moved v2#2",
      "v1#4 moved v2#3",
      "v1#5 moved v2#4",
      "v1#6 moved v2#5",
    ]);
    const moved = linkFrom(links, "v1#3")[0] as TProposedPairLink;
    expect(moved.evidence).toMatchObject({ sameContent: true, numberMatch: false });
  });

  it("calls a clause that kept its text and number but changed place moved, because it breaks the order", () => {
    const to = toClauses("v2", [SOVEREIGNTY, ARMY, AMNESTY, NATO, ELECTIONS, ASSETS]);
    const links = proposeAlignment({ from, to });
    const relations = Object.fromEntries(pairLinks(links).map((l) => [l.fromId, l.relation]));
    expect(relations).toEqual({
      "v1#1": "unchanged",
      "v1#2": "unchanged",
      "v1#3": "unchanged",
      "v1#4": "unchanged",
      "v1#5": "moved",
      "v1#6": "unchanged",
    });
  });

  it("links two clauses folded into one as merged, both to the same clause", () => {
    const joined: TDraft = {
      number: "4",
      heading: "Elections and amnesty",
      text: `${ELECTIONS.text} ${AMNESTY.text}`,
      topics: ["elections-governance", "amnesty-accountability"],
    };
    const to = toClauses("v2", [SOVEREIGNTY, ARMY, NATO, joined, { ...ASSETS, number: "5" }]);
    const links = proposeAlignment({ from, to });
    const merged = pairLinks(links).filter((l) => l.relation === "merged");
    expect(merged.map((l) => [l.fromId, l.toId])).toEqual([
      ["v1#4", "v2#4"],
      ["v1#5", "v2#4"],
    ]);
    for (const link of merged) expect(link.evidence.groupText).toBeGreaterThan(link.evidence.text);
    expect(links.some((l) => l.relation === "removed" || l.relation === "added")).toBe(false);
  });

  it("links a clause cut in two as split, to both parts", () => {
    const first: TDraft = {
      number: "6",
      heading: "Frozen assets",
      text: "Frozen Russian assets finance the reconstruction of Ukraine under American leadership.",
      topics: ["frozen-assets", "reconstruction-economy"],
    };
    const second: TDraft = {
      number: "7",
      heading: "European contribution",
      text: "European states add matching contributions and unfreeze European funds.",
      topics: ["frozen-assets", "reconstruction-economy"],
    };
    const to = toClauses("v2", [SOVEREIGNTY, ARMY, NATO, ELECTIONS, AMNESTY, first, second]);
    const links = proposeAlignment({ from, to });
    expect(linkFrom(links, "v1#6").map((l) => [l.relation, l.toId])).toEqual([
      ["split", "v2#6"],
      ["split", "v2#7"],
    ]);
    expect(links.some((l) => l.relation === "added")).toBe(false);
  });

  it("reports a clause with no counterpart as added, after the other links", () => {
    const council: TDraft = {
      number: "7",
      heading: "Peace council",
      text: "A peace council chaired by an outside guarantor oversees compliance and sanctions breaches.",
      topics: ["implementation"],
    };
    const links = proposeAlignment({ from, to: toClauses("v2", [...BASE, council]) });
    expect(links[links.length - 1]).toMatchObject({ relation: "added", fromId: null, toId: "v2#7" });
    expect(links.filter((l) => l.relation === "added")).toHaveLength(1);
  });

  it("matches Japanese text through character pairs, against the pull of an equal number", () => {
    const a = toClauses("ja1", [{ number: "1", heading: "主権", text: "ウクライナの主権を再確認する。" }]);
    const b = toClauses("ja2", [
      { number: "1", heading: "選挙", text: "署名から百日以内に選挙を実施する。" },
      { number: "2", heading: "主権", text: "ウクライナの主権を確認する。" },
    ]);
    const links = proposeAlignment({ from: a, to: b });
    expect(summary(links)).toEqual(["ja1#1 modified ja2#2", "- added ja2#1"]);
    expect((links[0] as TProposedPairLink).evidence.text).toBeGreaterThan(0.7);
  });

  it("with an empty side, reports everything removed or added", () => {
    expect(summary(proposeAlignment({ from, to: [] }))).toEqual(BASE.map((d) => `v1#${d.number} removed -`));
    expect(summary(proposeAlignment({ from: [], to: from }))).toEqual(BASE.map((d) => `- added v1#${d.number}`));
  });

  it("refuses a document that repeats a clause id", () => {
    const twice = [...from, { ...from[0], ordinal: 9 }];
    expect(() => proposeAlignment({ from: twice, to: from })).toThrow(AppError);
    expect(() => proposeAlignment({ from, to: twice })).toThrow("Clause id 'v1#1' appears twice in the 'to' document");
  });
});

describe("proposeAlignment: confidence", () => {
  it("ranks an identical pair above a reworded one, and a reworded one above a barely related one", () => {
    const to = toClauses("v2", [
      SOVEREIGNTY,
      { ...ARMY, text: "Ukraine's armed forces may not exceed 800,000 personnel in peacetime." },
      {
        ...NATO,
        heading: "Alliance membership by consensus",
        text: "Membership in the alliance depends on the consensus of its members.",
      },
      ELECTIONS,
      AMNESTY,
      ASSETS,
    ]);
    const links = pairLinks(proposeAlignment({ from, to }));
    const confidence = (fromId: string) => links.find((l) => l.fromId === fromId)!.confidence;
    expect(confidence("v1#1")).toBeGreaterThan(confidence("v1#2"));
    expect(confidence("v1#2")).toBeGreaterThan(confidence("v1#3"));
  });

  it("is surer that a clause was removed when nothing in the new version resembles it", () => {
    const navy: TDraft = {
      number: "7",
      heading: "Navy size cap",
      text: "The navy of Ukraine keeps no more than twenty warships.",
      topics: ["military-limits"],
    };
    const links = proposeAlignment({
      from: toClauses("v1", [...BASE, navy]),
      to: toClauses("v2", [SOVEREIGNTY, ARMY, NATO, ELECTIONS]),
    });
    const [amnesty] = linkFrom(links, "v1#5");
    const [navyLink] = linkFrom(links, "v1#7");
    expect(amnesty.relation).toBe("removed");
    expect(navyLink).toMatchObject({ relation: "removed", evidence: { bestCounterpartId: "v2#2" } });
    expect(amnesty.confidence).toBeGreaterThan(navyLink.confidence);
  });
});

describe("proposeAlignment: invariants on generated documents", () => {
  const WORDS = [
    "ceasefire",
    "border",
    "troops",
    "sanctions",
    "assets",
    "council",
    "elections",
    "nuclear",
    "grain",
    "treaty",
  ];
  const arbClause = fc.record({
    heading: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 3 }).map((w) => w.join(" ")),
    text: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }).map((w) => w.join(" ")),
    topics: fc.uniqueArray(fc.constantFrom("a", "b", "c", "d"), { maxLength: 2 }),
  });
  const arbDocument = (prefix: string) =>
    fc.array(arbClause, { maxLength: 12 }).map((drafts) =>
      toClauses(
        prefix,
        drafts.map((d, k) => ({ ...d, number: String(k + 1) })),
      ),
    );

  it("accounts for every clause exactly once per side, with confidences in [0,1], and is deterministic", () => {
    fc.assert(
      fc.property(arbDocument("a"), arbDocument("b"), (a, b) => {
        const links = proposeAlignment({ from: a, to: b });
        expect(proposeAlignment({ from: a, to: b })).toEqual(links);
        for (const l of links) {
          expect(l.confidence).toBeGreaterThanOrEqual(0);
          expect(l.confidence).toBeLessThanOrEqual(1);
        }
        const pairs = pairLinks(links);
        const removed = links.filter((l) => l.relation === "removed").map((l) => l.fromId);
        const added = links.filter((l) => l.relation === "added").map((l) => l.toId);
        expect(new Set([...pairs.map((l) => l.fromId), ...removed])).toEqual(new Set(a.map((c) => c.id)));
        expect(new Set([...pairs.map((l) => l.toId), ...added])).toEqual(new Set(b.map((c) => c.id)));
        for (const id of removed) expect(pairs.some((l) => l.fromId === id)).toBe(false);
        for (const id of added) expect(pairs.some((l) => l.toId === id)).toBe(false);
        // A to-clause with several from-clauses is a merge; a from-clause with several to-clauses is a split.
        for (const l of pairs) {
          const sameTo = pairs.filter((p) => p.toId === l.toId).length;
          const sameFrom = pairs.filter((p) => p.fromId === l.fromId).length;
          if (sameTo > 1) expect(l.relation).toBe("merged");
          if (sameFrom > 1) expect(l.relation).toBe("split");
        }
      }),
    );
  });

  it("aligns any document with itself as unchanged throughout", () => {
    fc.assert(
      fc.property(arbDocument("a"), (a) => {
        const copy = a.map((c) => ({ ...c, id: c.id.replace(/^a#/, "b#") }));
        const links = proposeAlignment({ from: a, to: copy });
        // Clauses with identical text and heading are interchangeable, so only the relation is checked.
        for (const l of links) expect(l.relation).toBe("unchanged");
      }),
    );
  });
});

describe("proposeAlignment against the reference alignments", () => {
  const { documents } = readReferenceDataset();
  const evaluation = computeReferenceEvaluation({ documents: documents.documents, alignments: documents.alignments });
  const pair = (fromId: string, toId: string) =>
    evaluation.pairs.find((e) => e.fromDocumentId === fromId && e.toDocumentId === toId)!;

  it("evaluates the four document pairs the reference links clause to clause", () => {
    expect(evaluation.pairs.map((e) => `${e.fromDocumentId} → ${e.toDocumentId}`)).toEqual([
      "us-28-2025-11-20 → e3-counter-2025-11-23",
      "us-28-2025-11-20 → us-ua-geneva-2025-11-23",
      "us-sg-draft-2025-11-21 → us-ua-security-package-2025-12",
      "ru-memorandum-2025-06-02 → us-28-2025-11-20",
    ]);
  });

  // Floors sit a little under the figures measured with bench/alignment.ts when this test was written, so a
  // regression fails while a one-link wobble from a tuning change does not. Measured: 28-point plan → E3 counter
  // proposal precision 1.00 (20/20), recall 1.00 (20/20), removed 2/2; all pairs precision 0.86 (25/29), recall
  // 0.76 (25/33). The other pairs are not versions of one text (a list of Geneva changes, a Russian memorandum),
  // which is why the overall figures are lower.
  it("on the 28-point plan against the E3 counter-proposal reaches precision and recall of at least 0.95", () => {
    const e3 = pair("us-28-2025-11-20", "e3-counter-2025-11-23");
    expect(e3.precision.value).toBeGreaterThanOrEqual(0.95);
    expect(e3.recall.value).toBeGreaterThanOrEqual(0.95);
    expect(e3.removedRecall.value).toBe(1);
  });

  it("over all pairs reaches precision of at least 0.8 and recall of at least 0.7", () => {
    expect(evaluation.overall.precision.value).toBeGreaterThanOrEqual(0.8);
    expect(evaluation.overall.recall.value).toBeGreaterThanOrEqual(0.7);
  });
});

describe("computeWordDiff through the alignment module", () => {
  it("is the same helper, so a view can import everything about alignment from one place", () => {
    expect(computeWordDiff("capped at 600 personnel", "capped at 800 personnel")).toEqual([
      { kind: "equal", text: "capped at " },
      { kind: "delete", text: "600" },
      { kind: "insert", text: "800" },
      { kind: "equal", text: " personnel" },
    ]);
  });
});

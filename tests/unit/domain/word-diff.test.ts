/** computeWordDiff: segments that spell both texts, in the shape a redline view renders. */
import fc from "fast-check";
import { computeWordDiff, type TWordDiffSegment } from "@/lib/domain/word-diff";

const spell = (segments: TWordDiffSegment[], side: "a" | "b") =>
  segments
    .filter((s) => s.kind === "equal" || s.kind === (side === "a" ? "delete" : "insert"))
    .map((s) => s.text)
    .join("");

describe("computeWordDiff", () => {
  it("returns one equal segment for identical texts and none for two empty ones", () => {
    expect(computeWordDiff("Sovereignty reaffirmed.", "Sovereignty reaffirmed.")).toEqual([
      { kind: "equal", text: "Sovereignty reaffirmed." },
    ]);
    expect(computeWordDiff("", "")).toEqual([]);
  });

  it("marks an inserted word, keeping the spaces around it in the text", () => {
    expect(computeWordDiff("NATO troops in Ukraine", "NATO troops permanently in Ukraine")).toEqual([
      { kind: "equal", text: "NATO troops " },
      { kind: "insert", text: "permanently " },
      { kind: "equal", text: "in Ukraine" },
    ]);
  });

  it("marks a deleted word", () => {
    expect(computeWordDiff("a decisive coordinated response", "a coordinated response")).toEqual([
      { kind: "equal", text: "a " },
      { kind: "delete", text: "decisive " },
      { kind: "equal", text: "coordinated response" },
    ]);
  });

  it("puts the deletion before the insertion where a word is replaced", () => {
    expect(computeWordDiff("Europe and Ukraine", "NATO and Ukraine")).toEqual([
      { kind: "delete", text: "Europe" },
      { kind: "insert", text: "NATO" },
      { kind: "equal", text: " and Ukraine" },
    ]);
  });

  it("treats a text against nothing as one insertion or one deletion", () => {
    expect(computeWordDiff("", "Elections within 100 days.")).toEqual([
      { kind: "insert", text: "Elections within 100 days." },
    ]);
    expect(computeWordDiff("Full amnesty.", "")).toEqual([{ kind: "delete", text: "Full amnesty." }]);
  });

  it("compares Japanese character by character", () => {
    expect(computeWordDiff("主権の再確認", "主権を再確認")).toEqual([
      { kind: "equal", text: "主権" },
      { kind: "delete", text: "の" },
      { kind: "insert", text: "を" },
      { kind: "equal", text: "再確認" },
    ]);
  });

  it("spells both texts back exactly, with no empty segment and no two neighbours of the same kind", () => {
    const text = fc
      .array(fc.constantFrom("peace", "plan", "28", "points", ",", ".", " ", "  ", "\n", "和平", "(a)"), {
        maxLength: 20,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const segments = computeWordDiff(a, b);
        expect(spell(segments, "a")).toBe(a);
        expect(spell(segments, "b")).toBe(b);
        for (let k = 0; k < segments.length; k++) {
          expect(segments[k].text).not.toBe("");
          if (k > 0) expect(segments[k].kind).not.toBe(segments[k - 1].kind);
        }
      }),
    );
  });
});

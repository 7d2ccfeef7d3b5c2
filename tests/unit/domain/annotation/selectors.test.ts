import fc from "fast-check";
import {
  QUOTE_CONTEXT_LENGTH,
  buildSelectors,
  reanchor,
  splitsSurrogatePair,
  toCodePointOffset,
  type TTextSelectors,
} from "@/lib/domain/annotation/selectors";
import { AppError } from "@/lib/domain/errors";

const CLAUSE =
  "Ukraine's sovereignty will be confirmed. Ukraine will receive reliable security guarantees. " +
  "Ukraine's armed forces will be limited to 600,000 personnel.";

const CLAUSE_JA =
  "ウクライナの主権は確認される。ウクライナは信頼できる安全の保証を受ける。" +
  "ウクライナ軍の兵力は60万人に制限される。";

/** "𠮷" (U+20BB7) is one character written as a surrogate pair; "😀" likewise. */
const WITH_PAIRS = "𠮷野家の条項😀は、𠮷田氏が起草した。";

function expectBadRequest(run: () => unknown, field: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe("BAD_REQUEST");
  expect((caught as AppError).fieldErrors).toHaveProperty(field);
}

function rangeOf(text: string, quote: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`'${quote}' is not in the text`);
  return { start, end: start + quote.length };
}

describe("buildSelectors", () => {
  it("quotes the selection with 32 code units of context either side", () => {
    const range = rangeOf(CLAUSE, "reliable security guarantees");
    const selectors = buildSelectors(CLAUSE, range);
    expect(selectors.TextPositionSelector).toEqual(range);
    expect(selectors.TextQuoteSelector).toEqual({
      exact: "reliable security guarantees",
      prefix: CLAUSE.slice(range.start - 32, range.start),
      suffix: CLAUSE.slice(range.end, range.end + 32),
    });
    expect(selectors.TextQuoteSelector.prefix).toHaveLength(QUOTE_CONTEXT_LENGTH);
  });

  it("takes shorter context at the edges of the text", () => {
    const first = buildSelectors(CLAUSE, { start: 0, end: 7 });
    expect(first.TextQuoteSelector).toMatchObject({ exact: "Ukraine", prefix: "" });
    const last = buildSelectors(CLAUSE, { start: CLAUSE.length - 10, end: CLAUSE.length });
    expect(last.TextQuoteSelector.suffix).toBe("");
    expect(buildSelectors("条", { start: 0, end: 1 }).TextQuoteSelector).toEqual({
      exact: "条",
      prefix: "",
      suffix: "",
    });
  });

  it("counts Japanese text in code units, one per kana or kanji", () => {
    const early = buildSelectors(CLAUSE_JA, rangeOf(CLAUSE_JA, "安全の保証")).TextQuoteSelector;
    expect(early).toEqual({
      exact: "安全の保証",
      prefix: "ウクライナの主権は確認される。ウクライナは信頼できる",
      suffix: "を受ける。ウクライナ軍の兵力は60万人に制限される。",
    });
    const range = rangeOf(CLAUSE_JA, "60万人");
    expect(range).toEqual({ start: 46, end: 50 });
    expect(buildSelectors(CLAUSE_JA, range).TextQuoteSelector).toEqual({
      exact: "60万人",
      prefix: "。ウクライナは信頼できる安全の保証を受ける。ウクライナ軍の兵力は",
      suffix: "に制限される。",
    });
  });

  it("counts a surrogate pair as two code units, like the DOM", () => {
    const range = rangeOf(WITH_PAIRS, "𠮷田氏");
    expect(range.end - range.start).toBe(4);
    expect(buildSelectors(WITH_PAIRS, range).TextQuoteSelector.exact).toBe("𠮷田氏");
  });

  it("leaves out half a surrogate pair at the far end of the context instead of storing a lone surrogate", () => {
    // 31 code units of filler before the pair put its low half at 32 units from the selection.
    const text = "😀" + "あ".repeat(31) + "選択" + "い".repeat(31) + "😀";
    const range = rangeOf(text, "選択");
    const { prefix, suffix } = buildSelectors(text, range).TextQuoteSelector;
    expect(prefix).toBe("あ".repeat(31));
    expect(suffix).toBe("い".repeat(31));
    const wider = "x" + text + "x";
    const whole = buildSelectors(wider, rangeOf(wider, "選択")).TextQuoteSelector;
    expect(whole.prefix).toBe("あ".repeat(31));
    for (const part of [prefix, suffix, whole.prefix, whole.suffix]) expect(part.isWellFormed()).toBe(true);
  });

  it("keeps a whole pair that fits in the context", () => {
    const text = "😀" + "あ".repeat(30) + "選択";
    expect(buildSelectors(text, rangeOf(text, "選択")).TextQuoteSelector.prefix).toBe(text.slice(0, 32));
  });

  it("refuses a range that cuts a surrogate pair", () => {
    const at = WITH_PAIRS.indexOf("😀");
    expectBadRequest(() => buildSelectors(WITH_PAIRS, { start: at + 1, end: at + 4 }), "start");
    expectBadRequest(() => buildSelectors(WITH_PAIRS, { start: 0, end: 1 }), "end");
    expect(splitsSurrogatePair(WITH_PAIRS, 1)).toBe(true);
    expect(splitsSurrogatePair(WITH_PAIRS, 2)).toBe(false);
  });

  it.each([
    ["an empty selection", { start: 5, end: 5 }, "end"],
    ["a reversed range", { start: 6, end: 5 }, "end"],
    ["a negative start", { start: -1, end: 5 }, "start"],
    ["an end past the text", { start: 0, end: CLAUSE.length + 1 }, "end"],
    ["a fractional offset", { start: 1.5, end: 4 }, "start"],
    ["a NaN end", { start: 1, end: Number.NaN }, "end"],
  ])("refuses %s", (_label, range, field) => {
    expectBadRequest(() => buildSelectors(CLAUSE, range), field);
  });
});

describe("reanchor", () => {
  const range = rangeOf(CLAUSE, "security guarantees");
  const selectors = buildSelectors(CLAUSE, range);

  it("stays in place on the unchanged text", () => {
    expect(reanchor(selectors, CLAUSE)).toEqual({ status: "anchored", ...range, moved: false });
  });

  it("stays in place when the text changes away from the quote and its context", () => {
    const edited = CLAUSE.replace("600,000", "800,000");
    expect(reanchor(selectors, edited)).toEqual({ status: "anchored", ...range, moved: false });
  });

  it("moves with the text when the whole quote occurs exactly once elsewhere", () => {
    const edited = "Article 2. " + CLAUSE;
    expect(reanchor(selectors, edited)).toEqual({
      status: "anchored",
      start: range.start + 11,
      end: range.end + 11,
      moved: true,
    });
  });

  it("needs review when a word of the quote changed", () => {
    const edited = CLAUSE.replace("security guarantees", "security assurances");
    expect(reanchor(selectors, edited)).toEqual({ status: "needs-review", reason: "quote-not-found" });
  });

  it("needs review, never moves, when only the quote survives and its context changed", () => {
    const edited = CLAUSE.replace("will receive reliable", "may receive dependable");
    expect(edited).toContain("security guarantees");
    expect(reanchor(selectors, edited)).toEqual({ status: "needs-review", reason: "context-changed" });
  });

  it("needs review when the whole quote occurs more than once and the stored position no longer holds it", () => {
    const sentence = "Ukraine will receive reliable security guarantees. ";
    const twice = selectorsFor(sentence + sentence, "security guarantees");
    expect(reanchor(twice, "Preamble. " + sentence + sentence + sentence)).toEqual({
      status: "needs-review",
      reason: "ambiguous",
    });
  });

  it("keeps a quote whose stored position still holds it even if the whole quote now also occurs elsewhere", () => {
    const edited = CLAUSE + " " + CLAUSE;
    expect(reanchor(selectors, edited)).toEqual({ status: "anchored", ...range, moved: false });
  });

  it("does not take an occurrence of the quote at the stored offset whose context differs", () => {
    const short = selectorsFor("abc XYZ def", "XYZ");
    expect(reanchor(short, "abc XYZ deg")).toEqual({ status: "needs-review", reason: "context-changed" });
  });

  it("re-anchors Japanese text carried to a new version", () => {
    const ja = selectorsFor(CLAUSE_JA, "安全の保証");
    const next = "第二条　" + CLAUSE_JA;
    const result = reanchor(ja, next);
    expect(result).toEqual({
      status: "anchored",
      start: ja.TextPositionSelector.start + 4,
      end: ja.TextPositionSelector.end + 4,
      moved: true,
    });
    expect(reanchor(ja, CLAUSE_JA.replace("安全の保証", "安全保障"))).toMatchObject({ status: "needs-review" });
  });

  it("re-anchors across surrogate pairs, counting them as two units", () => {
    const pairs = selectorsFor(WITH_PAIRS, "𠮷田氏");
    const next = "😀" + WITH_PAIRS;
    expect(reanchor(pairs, next)).toEqual({
      status: "anchored",
      start: pairs.TextPositionSelector.start + 2,
      end: pairs.TextPositionSelector.end + 2,
      moved: true,
    });
    expect(reanchor(pairs, WITH_PAIRS.replace("𠮷田", "吉田"))).toEqual({
      status: "needs-review",
      reason: "quote-not-found",
    });
  });

  it("does not trust a stored position whose length differs from the quote", () => {
    const skewed: TTextSelectors = { ...selectors, TextPositionSelector: { start: range.start, end: range.end + 1 } };
    expect(reanchor(skewed, CLAUSE)).toEqual({ status: "anchored", ...range, moved: true });
  });

  it("refuses a stored quote with nothing in it", () => {
    const empty: TTextSelectors = {
      TextQuoteSelector: { exact: "", prefix: "", suffix: "" },
      TextPositionSelector: { start: 0, end: 0 },
    };
    expectBadRequest(() => reanchor(empty, CLAUSE), "exact");
  });

  it("only ever anchors where the text holds the quote in its context, whatever the edit", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", " ", "安", "全", "😀"), maxLength: 24 });
    fc.assert(
      fc.property(text, text, text, text, (before, quote, after, inserted) => {
        fc.pre(quote.length > 0);
        const original = before + quote + after;
        const stored = buildSelectors(original, { start: before.length, end: before.length + quote.length });
        expect(reanchor(stored, original)).toMatchObject({ status: "anchored", start: before.length, moved: false });
        for (const edited of [inserted + original, original + inserted, before + inserted + quote + after]) {
          const result = reanchor(stored, edited);
          if (result.status !== "anchored") continue;
          const { exact, prefix, suffix } = stored.TextQuoteSelector;
          expect(edited.slice(result.start, result.end)).toBe(exact);
          expect(edited.slice(result.start - prefix.length, result.start)).toBe(prefix);
          expect(edited.slice(result.end, result.end + suffix.length)).toBe(suffix);
        }
      }),
    );
  });
});

describe("toCodePointOffset", () => {
  it("counts a surrogate pair as one character and everything else as itself", () => {
    expect(toCodePointOffset(CLAUSE_JA, 10)).toBe(10);
    const at = WITH_PAIRS.indexOf("𠮷田氏");
    expect(at).toBe(11);
    expect(toCodePointOffset(WITH_PAIRS, at)).toBe(9);
    expect(toCodePointOffset(WITH_PAIRS, WITH_PAIRS.length)).toBe([...WITH_PAIRS].length);
  });
});

function selectorsFor(text: string, quote: string): TTextSelectors {
  return buildSelectors(text, rangeOf(text, quote));
}

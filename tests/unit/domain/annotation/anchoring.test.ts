import {
  clauseTextIn,
  detectAnchorLanguage,
  planCarry,
  planReanchor,
  type TAnchor,
} from "@/lib/domain/annotation/anchoring";
import { buildSelectors } from "@/lib/domain/annotation/selectors";

const EN = "Russia hands back other agreed areas it holds beyond those five regions.";
const JA = "ロシアは、これら5地域以外で支配している、合意されたその他の地域を返還する。";

function anchorOn(text: string, quote: string, status = "anchored"): TAnchor {
  const start = text.indexOf(quote);
  const s = buildSelectors(text, { start, end: start + quote.length });
  return {
    ...s.TextQuoteSelector,
    ...s.TextPositionSelector,
    anchoredText: text,
    anchorStatus: status,
  };
}

describe("the language of an anchor", () => {
  it("is the language of the clause text it equals, else Japanese when it holds kana or kanji", () => {
    expect(detectAnchorLanguage(EN, { text: EN, textJa: JA })).toBe("en");
    expect(detectAnchorLanguage(JA, { text: EN, textJa: JA })).toBe("ja");
    expect(detectAnchorLanguage("An older English text.", { text: EN, textJa: JA })).toBe("en");
    expect(detectAnchorLanguage("以前の日本語の文。", { text: EN, textJa: JA })).toBe("ja");
    expect(detectAnchorLanguage(null, { text: EN, textJa: JA })).toBe("en");
  });

  it("finds no Japanese text where the clause has none", () => {
    expect(clauseTextIn("ja", { text: EN, textJa: null })).toBeNull();
    expect(clauseTextIn("ja", { text: EN, textJa: "  " })).toBeNull();
    expect(clauseTextIn("en", { text: EN, textJa: null })).toBe(EN);
  });
});

describe("planReanchor", () => {
  it("changes nothing while the text is the one the anchor was made on", () => {
    expect(planReanchor(anchorOn(EN, "agreed areas"), { text: EN, textJa: JA })).toBeNull();
  });

  it("moves the anchor on an exact match in the changed text", () => {
    const changed = `(c) ${EN}`;
    expect(planReanchor(anchorOn(EN, "agreed areas"), { text: changed, textJa: JA })).toEqual({
      start: EN.indexOf("agreed areas") + 4,
      end: EN.indexOf("agreed areas") + 16,
      anchoredText: changed,
      anchorStatus: "anchored",
    });
  });

  it("keeps the position and text and asks for review when the words changed", () => {
    const anchor = anchorOn(EN, "agreed areas");
    expect(planReanchor(anchor, { text: EN.replace("agreed", "named"), textJa: JA })).toEqual({
      start: anchor.start,
      end: anchor.end,
      anchoredText: EN,
      anchorStatus: "needs-review",
    });
  });

  it("asks for review when the Japanese text it was made on is gone", () => {
    expect(planReanchor(anchorOn(JA, "5地域"), { text: EN, textJa: null })).toMatchObject({
      anchorStatus: "needs-review",
      anchoredText: JA,
    });
  });

  it("leaves whole-clause notes and already flagged anchors alone", () => {
    const whole: TAnchor = {
      exact: null,
      prefix: null,
      suffix: null,
      start: null,
      end: null,
      anchoredText: null,
      anchorStatus: "anchored",
    };
    expect(planReanchor(whole, { text: "new", textJa: null })).toBeNull();
    expect(planReanchor(anchorOn(EN, "agreed areas", "needs-review"), { text: "gone", textJa: JA })).toBeNull();
  });

  it("clears the review flag once the text holds the words exactly again", () => {
    expect(planReanchor(anchorOn(EN, "agreed areas", "needs-review"), { text: EN, textJa: JA })).toMatchObject({
      anchorStatus: "anchored",
    });
  });
});

describe("planCarry", () => {
  it("anchors the copy in the target text of the same language on an exact match", () => {
    const target = { text: `Point 5. ${EN}`, textJa: "別の文。" };
    expect(planCarry(anchorOn(EN, "five regions"), { text: EN, textJa: JA }, target)).toMatchObject({
      anchorStatus: "anchored",
      anchoredText: target.text,
      start: target.text.indexOf("five regions"),
      exact: "five regions",
    });
  });

  it("keeps the source's selectors and text, for review, otherwise", () => {
    const anchor = anchorOn(JA, "5地域");
    expect(planCarry(anchor, { text: EN, textJa: JA }, { text: EN, textJa: "5地域は返還されない。" })).toEqual({
      exact: anchor.exact,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      start: anchor.start,
      end: anchor.end,
      anchoredText: JA,
      anchorStatus: "needs-review",
    });
  });
});

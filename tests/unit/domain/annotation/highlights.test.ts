import { buildHighlightSegments, findDrawableAnchors } from "@/lib/domain/annotation/highlights";
import type { TAnnotationThread } from "@/lib/domain/annotation/threads";

const TEXT = "Crimea, Luhansk and Donetsk recognised as Russian.";

function thread(id: string, quote: string, overrides: Partial<TAnnotationThread> = {}): TAnnotationThread {
  const start = TEXT.indexOf(quote);
  return {
    id,
    clauseId: "doc#1",
    parentId: null,
    author: { id: "u", name: "U" },
    body: "x",
    purpose: "commenting",
    visibility: "shared",
    tags: [],
    target: { exact: quote, prefix: "", suffix: "", start, end: start + quote.length, lang: "en" },
    anchorStatus: "anchored",
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    deleted: false,
    replies: [],
    ...overrides,
  };
}

describe("highlights", () => {
  it("draws only anchored annotations quoting exactly the text shown, in its language", () => {
    const threads = [
      thread("a", "Luhansk"),
      thread("b", "Donetsk", { anchorStatus: "needs-review" }),
      thread("c", "Crimea", { target: { exact: "Crimea", prefix: "", suffix: "", start: 0, end: 6, lang: "ja" } }),
      thread("d", "Russian", { target: { exact: "Russian", prefix: "", suffix: "", start: 1, end: 8, lang: "en" } }),
      thread("e", "Crimea", { target: null }),
    ];
    expect(findDrawableAnchors(threads, TEXT, "en")).toEqual([{ id: "a", start: 8, end: 15 }]);
  });

  it("cuts the text into pieces that cover it exactly, sharing pieces where annotations overlap", () => {
    const segments = buildHighlightSegments(TEXT.length, [
      { id: "a", start: 0, end: 15 },
      { id: "b", start: 8, end: 27 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 8, ids: ["a"] },
      { start: 8, end: 15, ids: ["a", "b"] },
      { start: 15, end: 27, ids: ["b"] },
      { start: 27, end: TEXT.length, ids: [] },
    ]);
    expect(buildHighlightSegments(5, [])).toEqual([{ start: 0, end: 5, ids: [] }]);
  });
});

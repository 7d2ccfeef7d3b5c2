import { isClauseNumber, isIsoDate, isSlug, parseClauseRef, toClauseId, toSourceId } from "@/lib/domain/ids";

describe("clause references", () => {
  it("round-trips documentId#number, including labels such as r3 and I-1", () => {
    for (const [doc, number] of [
      ["us-28-2025-11-20", "21"],
      ["us-ua-geneva-2025-11-23", "r3"],
      ["ru-memorandum-2025-06-02", "I-1"],
    ]) {
      expect(parseClauseRef(toClauseId(doc, number))).toEqual({ documentId: doc, number });
    }
  });

  it.each(["", "#1", "doc#", "doc", "Doc#1", "doc#1#2", "doc#1 2", "../etc#1"])("rejects %j", (ref) => {
    expect(parseClauseRef(ref)).toBeNull();
  });
});

describe("slugs and clause numbers", () => {
  it("accepts ids as the dataset writes them and refuses anything else", () => {
    expect(isSlug("e3-counter-2025-11-23")).toBe(true);
    expect(isSlug("E3")).toBe(false);
    expect(isSlug("a b")).toBe(false);
    expect(isSlug("-lead")).toBe(false);
    expect(isSlug("x".repeat(121))).toBe(false);
    expect(isClauseNumber("I-1")).toBe(true);
    expect(isClauseNumber("12.a")).toBe(true);
    expect(isClauseNumber("1/2")).toBe(false);
  });
});

describe("isIsoDate", () => {
  it("accepts real calendar dates only", () => {
    expect(isIsoDate("2025-11-20")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("20 Nov 2025")).toBe(false);
  });
});

describe("toSourceId", () => {
  it("is deterministic and tells apart outlets citing the same page", () => {
    const a = toSourceId("https://example.org/a", "Outlet", "2025-11-21");
    expect(toSourceId("https://example.org/a", "Outlet", "2025-11-21")).toBe(a);
    expect(toSourceId("https://example.org/a", "Other outlet", "2025-11-21")).not.toBe(a);
    expect(toSourceId("https://example.org/a", "Outlet", null)).not.toBe(a);
    expect(a).toMatch(/^src-[0-9a-z]{11}$/);
  });
});

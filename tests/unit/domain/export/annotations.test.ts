import {
  guessNoteLanguage,
  toAnnotationsForExport,
  toDatasetAnnotationCollection,
  type TAnnotationRow,
} from "@/lib/domain/export/annotations";
import { checkAssertion, loadW3cSchemas, type TW3cSchemas } from "@/tests/helpers/w3c-schemas";

const TEXT = "Ukraine's armed forces will be limited to 600,000 personnel.";
const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));

function row(id: string, extra: Partial<TAnnotationRow> = {}): TAnnotationRow {
  const start = TEXT.indexOf("600,000");
  return {
    id,
    clauseId: "us-28-2025-11-20#6",
    parentId: null,
    body: `Note ${id}`,
    purpose: "commenting",
    visibility: "shared",
    exact: "600,000",
    prefix: "limited to ",
    suffix: " personnel.",
    start,
    end: start + 7,
    anchoredText: TEXT,
    clauseText: TEXT,
    createdAt: at(0),
    updatedAt: at(0),
    deletedAt: null,
    creator: { id: "coder-ann", name: "Ann" },
    tags: ["military-limits"],
    ...extra,
  };
}

const ROWS: TAnnotationRow[] = [
  row("root", { updatedAt: at(5) }),
  row("reply-1", { parentId: "root", body: "同意します。", createdAt: at(2), updatedAt: at(2), purpose: "replying" }),
  row("reply-2", {
    parentId: "reply-1",
    body: "Second level",
    createdAt: at(3),
    updatedAt: at(3),
    purpose: "replying",
  }),
  row("private", { visibility: "private" }),
  row("deleted", { deletedAt: at(9) }),
  row("reply-to-private", { parentId: "private", purpose: "replying" }),
  row("whole", {
    exact: null,
    prefix: null,
    suffix: null,
    start: null,
    end: null,
    anchoredText: null,
    purpose: "questioning",
    createdAt: at(1),
  }),
];

describe("toAnnotationsForExport", () => {
  const exported = toAnnotationsForExport(ROWS);

  it("takes shared, undeleted threads only, oldest first, every reply under its thread's root", () => {
    expect(exported.map((a) => a.id)).toEqual(["root", "whole"]);
    expect(exported[0].replies?.map((r) => r.id)).toEqual(["reply-1", "reply-2"]);
    expect(exported[0].modified).toBe(at(5).toISOString());
    expect(exported[0].replies?.[0]).toMatchObject({ language: "ja", modified: null });
  });

  it("keeps the stored selection, and selects the whole clause text when none was stored", () => {
    expect(exported[0].target.selectors.TextQuoteSelector).toEqual({
      exact: "600,000",
      prefix: "limited to ",
      suffix: " personnel.",
    });
    expect(exported[1].target.selectors).toEqual({
      TextQuoteSelector: { exact: TEXT, prefix: "", suffix: "" },
      TextPositionSelector: { start: 0, end: TEXT.length },
    });
  });

  it("tags a note with kana or kanji as Japanese and any other as English", () => {
    expect(guessNoteLanguage("「60万人」は上限か")).toBe("ja");
    expect(guessNoteLanguage("Compare with Geneva")).toBe("en");
  });
});

describe("the dataset's AnnotationCollection against the W3C annotation-model schemas", () => {
  let schemas: TW3cSchemas;
  beforeAll(() => {
    schemas = loadW3cSchemas();
  });

  it("passes every must assertion for each item, and the collection definitions", () => {
    const collection = toDatasetAnnotationCollection(ROWS, {
      baseUrl: "https://redlines.example.org/",
      releaseId: "2026-03",
    });
    expect(collection).toMatchObject({
      id: "https://redlines.example.org/api/dataset/annotations",
      type: "AnnotationCollection",
      label: "Redlines annotations, dataset release 2026-03",
      total: 4,
    });
    const musts = schemas.assertions.filter((a) => a.assertionType === "must");
    expect(musts).toHaveLength(14);
    for (const item of collection.first?.items ?? []) {
      const document = { "@context": collection["@context"], ...item };
      const failures = musts.map((a) => checkAssertion(a, document)).filter((r) => !r.passed);
      expect(failures.map((f) => f.message)).toEqual([]);
    }
    const check = (name: string, document: unknown) =>
      schemas.compileDefinition(`collections.json#/definitions/${name}`)(document);
    expect(check("contextValueFound", collection["@context"])).toBe(true);
    for (const name of ["annotationCollectionTypeValueFound", "labelFound", "totalFound", "firstFound"]) {
      expect([name, check(name, collection)]).toEqual([name, true]);
    }
    expect(check("firstRequiredIfTotalMoreThanZero", collection)).toBe(true);
    for (const name of ["annotationPageTypeValueFound", "partOfFound", "startIndexFound", "itemsFound"]) {
      expect([name, check(name, collection.first)]).toEqual([name, true]);
    }
  });

  it("is an empty collection without a page when nothing is shared", () => {
    const collection = toDatasetAnnotationCollection([row("p", { visibility: "private" })], {
      baseUrl: "https://redlines.example.org",
      releaseId: null,
    });
    expect(collection).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://redlines.example.org/api/dataset/annotations",
      type: "AnnotationCollection",
      label: "Redlines annotations",
      total: 0,
    });
  });
});

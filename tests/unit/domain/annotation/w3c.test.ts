import { buildSelectors } from "@/lib/domain/annotation/selectors";
import {
  ANNOTATION_CONTEXT,
  toAnnotationCollection,
  toWebAnnotation,
  toWebAnnotationReplies,
  type TAnnotationForExport,
  type TWebAnnotation,
} from "@/lib/domain/annotation/w3c";
import { AppError } from "@/lib/domain/errors";
import { checkAssertion, loadW3cSchemas, type TW3cSchemas } from "@/tests/helpers/w3c-schemas";

const BASE = "https://redlines.example.org";
const OPTIONS = { baseUrl: BASE };

const TEXT_EN =
  "Ukraine will receive reliable security guarantees. Ukraine's armed forces will be limited to 600,000 personnel.";
const TEXT_JA = "𠮷田案：ウクライナは信頼できる安全の保証を受ける。ウクライナ軍の兵力は60万人に制限される。";

function at(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length };
}

const COMMENT: TAnnotationForExport = {
  id: "ann-1",
  purpose: "commenting",
  note: "Compare with the **Geneva** counter-proposal.",
  language: "en",
  tags: ["security", "military", "security"],
  creator: { id: "coder-ann", name: "Ann Researcher" },
  created: "2026-03-02T09:15:00Z",
  modified: "2026-03-03T10:00:00.000Z",
  target: {
    clauseId: "us-28-2025-11-20#21",
    text: TEXT_EN,
    selectors: buildSelectors(TEXT_EN, at(TEXT_EN, "limited to 600,000 personnel")),
  },
  replies: [
    {
      id: "ann-1-r1",
      note: "The Geneva text drops the figure.",
      language: "en",
      creator: { id: "coder-ben", name: "Ben" },
      created: "2026-03-04T08:00:00Z",
    },
    {
      id: "ann-1-r2",
      note: "確認しました。",
      language: "ja",
      creator: { id: "coder-cho", name: "長" },
      created: "2026-03-05T08:00:00+09:00",
      modified: null,
    },
  ],
};

const QUESTION: TAnnotationForExport = {
  id: "ann-2",
  purpose: "questioning",
  note: "「60万人」は平時の上限か？",
  language: "ja",
  tags: [],
  creator: { id: "coder-cho", name: "長" },
  created: "2026-03-02T10:00:00Z",
  target: {
    clauseId: "us-ua-geneva-2025-11-23#r3",
    text: TEXT_JA,
    selectors: buildSelectors(TEXT_JA, at(TEXT_JA, "60万人")),
  },
};

const ASSESSMENT: TAnnotationForExport = {
  id: "ann-3",
  purpose: "assessing",
  note: "  ",
  language: "en",
  tags: ["territory"],
  creator: { id: "coder-ann", name: "Ann Researcher" },
  created: "2026-03-02T11:00:00Z",
  target: {
    clauseId: "ru-memorandum-2025-06-02#I-1",
    text: TEXT_EN,
    selectors: buildSelectors(TEXT_EN, at(TEXT_EN, "Ukraine will")),
  },
};

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

describe("toWebAnnotation", () => {
  it("presents a comment as a W3C annotation on the clause, with a markdown note and one tag body per dimension", () => {
    const range = at(TEXT_EN, "limited to 600,000 personnel");
    expect(toWebAnnotation(COMMENT, OPTIONS)).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `${BASE}/annotations/ann-1`,
      type: "Annotation",
      motivation: "commenting",
      created: "2026-03-02T09:15:00Z",
      modified: "2026-03-03T10:00:00.000Z",
      creator: { id: `${BASE}/coders/coder-ann`, type: "Person", name: "Ann Researcher" },
      body: [
        {
          type: "TextualBody",
          value: "Compare with the **Geneva** counter-proposal.",
          purpose: "commenting",
          format: "text/markdown",
          language: "en",
        },
        { type: "TextualBody", value: "security", purpose: "tagging" },
        { type: "TextualBody", value: "military", purpose: "tagging" },
      ],
      target: {
        type: "SpecificResource",
        source: `${BASE}/clauses/us-28-2025-11-20/21`,
        selector: [
          {
            type: "TextQuoteSelector",
            exact: "limited to 600,000 personnel",
            prefix: TEXT_EN.slice(range.start - 32, range.start),
            suffix: ".",
          },
          { type: "TextPositionSelector", start: range.start, end: range.end },
        ],
      },
    });
  });

  it("counts positions in code points, as the W3C model requires, where the text has surrogate pairs", () => {
    const { target } = toWebAnnotation(QUESTION, OPTIONS) as TWebAnnotation & { target: { selector: unknown[] } };
    const units = at(TEXT_JA, "60万人");
    const before = [...TEXT_JA.slice(0, units.start)].length;
    expect(units.start - before).toBe(1);
    expect(target.selector[1]).toEqual({ type: "TextPositionSelector", start: before, end: before + 4 });
    expect([...TEXT_JA].slice(before, before + 4).join("")).toBe("60万人");
  });

  it("emits only the quote when the stored position no longer fits the text, rather than a wrong position", () => {
    const stale = { ...QUESTION, target: { ...QUESTION.target, text: "前文。" + TEXT_JA } };
    const { target } = toWebAnnotation(stale, OPTIONS) as TWebAnnotation & { target: { selector: unknown[] } };
    expect(target.selector).toEqual([expect.objectContaining({ type: "TextQuoteSelector", exact: "60万人" })]);
  });

  it("gives an annotation without a note and without tags no body at all, and leaves a blank note out", () => {
    expect(toWebAnnotation(ASSESSMENT, OPTIONS).body).toEqual([
      { type: "TextualBody", value: "territory", purpose: "tagging" },
    ]);
    expect(toWebAnnotation({ ...ASSESSMENT, tags: [] }, OPTIONS)).not.toHaveProperty("body");
    expect(toWebAnnotation(ASSESSMENT, OPTIONS)).not.toHaveProperty("modified");
  });

  it("escapes ids into the IRIs and accepts a base URL with a path", () => {
    const annotation = toWebAnnotation(
      { ...ASSESSMENT, id: "a b/c", creator: { id: "名前", name: "x" } },
      { baseUrl: "https://example.org/redlines/" },
    );
    expect(annotation.id).toBe("https://example.org/redlines/annotations/a%20b%2Fc");
    expect(annotation.creator.id).toBe("https://example.org/redlines/coders/%E5%90%8D%E5%89%8D");
    expect(annotation.target).toMatchObject({
      source: "https://example.org/redlines/clauses/ru-memorandum-2025-06-02/I-1",
    });
  });

  it.each([
    ["a clause id that is not documentId#number", { target: { ...COMMENT.target, clauseId: "us-28" } }, "clauseId"],
    ["a date without a time zone", { created: "2026-03-02T09:15:00" }, "created"],
    ["a date that is not a date", { modified: "yesterday" }, "modified"],
    ["a language that is not a tag", { language: "English (UK)" }, "language"],
    ["an unknown purpose", { purpose: "liking" as never }, "purpose"],
    ["an empty id", { id: "" }, "id"],
  ])("refuses %s", (_label, change, field) => {
    const input = Object.freeze({ ...COMMENT, ...change });
    expectBadRequest(() => toWebAnnotation(input, OPTIONS), field);
  });

  it.each(["redlines.example.org", "ftp://redlines.example.org", "https://redlines.example.org/?x=1"])(
    "refuses the base URL %j",
    (baseUrl) => {
      expectBadRequest(() => toWebAnnotation(COMMENT, { baseUrl }), "baseUrl");
    },
  );
});

describe("toWebAnnotationReplies", () => {
  it("presents each reply as an annotation of its own that replies to the parent's IRI", () => {
    const replies = toWebAnnotationReplies(COMMENT, OPTIONS);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toEqual({
      "@context": ANNOTATION_CONTEXT,
      id: `${BASE}/annotations/ann-1-r1`,
      type: "Annotation",
      motivation: "replying",
      created: "2026-03-04T08:00:00Z",
      creator: { id: `${BASE}/coders/coder-ben`, type: "Person", name: "Ben" },
      body: [
        {
          type: "TextualBody",
          value: "The Geneva text drops the figure.",
          purpose: "replying",
          format: "text/markdown",
          language: "en",
        },
      ],
      target: `${BASE}/annotations/ann-1`,
    });
    expect(replies[1]).toMatchObject({ created: "2026-03-05T08:00:00+09:00", body: [{ language: "ja" }] });
    expect(toWebAnnotationReplies(QUESTION, OPTIONS)).toEqual([]);
  });
});

describe("toAnnotationCollection", () => {
  const options = { ...OPTIONS, id: `${BASE}/api/annotations?clause=us-28-2025-11-20%2321`, label: "Clause 21" };

  it("puts every annotation, each followed by its replies, on one embedded page, without repeating @context", () => {
    const collection = toAnnotationCollection([COMMENT, QUESTION], options);
    expect(collection).toMatchObject({
      "@context": ANNOTATION_CONTEXT,
      id: options.id,
      type: "AnnotationCollection",
      label: "Clause 21",
      total: 4,
      first: { id: `${options.id}&page=0`, type: "AnnotationPage", partOf: options.id, startIndex: 0 },
    });
    const items = collection.first?.items ?? [];
    expect(items.map((i) => i.id)).toEqual(
      ["ann-1", "ann-1-r1", "ann-1-r2", "ann-2"].map((id) => `${BASE}/annotations/${id}`),
    );
    const { "@context": _context, ...standalone } = toWebAnnotation(COMMENT, OPTIONS);
    expect(items[0]).toEqual(standalone);
    expect(items.some((i) => "@context" in i)).toBe(false);
  });

  it("is an empty collection with no page when there is nothing to export", () => {
    expect(toAnnotationCollection([], options)).toEqual({
      "@context": ANNOTATION_CONTEXT,
      id: options.id,
      type: "AnnotationCollection",
      label: "Clause 21",
      total: 0,
    });
  });

  it("refuses an annotation listed twice, a relative collection id and an empty label", () => {
    expect(() => toAnnotationCollection([QUESTION, QUESTION], options)).toThrow(AppError);
    expectBadRequest(() => toAnnotationCollection([], { ...options, id: "/api/annotations" }), "id");
    expectBadRequest(() => toAnnotationCollection([], { ...options, label: " " }), "label");
  });
});

describe("the export against the W3C annotation-model test schemas", () => {
  let schemas: TW3cSchemas;
  beforeAll(() => {
    schemas = loadW3cSchemas();
  });

  const MUST = [
    "3.1-annotationContextValidated.json",
    "3.1-annotationIdValidated.json",
    "3.1-annotationTypeValidated.json",
    "3.1-targetKeyFound.json",
    "3.2-bodyObjectsRecognized.json",
    "3.2-targetObjectsRecognized.json",
    "3.2.5-bodyValueValidated.json",
    "3.2.5-notBodyBodyValue.json",
    "3.3.1-annotationCreatedValidated.json",
    "3.3.1-annotationGeneratedValidated.json",
    "3.3.1-annotationModifiedValidated.json",
    "3.3.6-annotationRightsValidated.json",
    "3.3.7-annotationCanonicalValidated.json",
    "3.3.7-annotationViaValidated.json",
  ];

  /** The optional features we emit on every annotation, so their "implemented" checks must pass too. */
  const EMITTED_FEATURES = [
    "3.3.1-annotationCreatedImplemented.json",
    "3.3.1-annotationCreatorImplemented.json",
    "3.3.1-singleAnnotationCreatorImplemented.json",
    "3.3.2-annotationCreatorAgentIdImplemented.json",
    "3.3.2-annotationCreatorAgentTypeImplemented.json",
    "3.3.2-annotationCreatorAgentNameImplemented.json",
    "3.3.2-annotationCreatorAgentSingleNameImplemented.json",
    "3.3.5-annotationMotivationImplemented.json",
    "3.3.5-annotationSingleMotivationImplemented.json",
  ];

  function failuresOf(document: unknown, files: readonly string[]): string[] {
    return files.flatMap((file) => {
      const assertion = schemas.assertions.find((a) => a.file === file);
      if (!assertion) return [`${file}: not loaded`];
      const { passed, message } = checkAssertion(assertion, document);
      return passed ? [] : [message];
    });
  }

  function everyExported(): TWebAnnotation[] {
    return [COMMENT, QUESTION, ASSESSMENT, { ...ASSESSMENT, id: "ann-4", tags: [] }].flatMap((a) => [
      toWebAnnotation(a, OPTIONS),
      ...toWebAnnotationReplies(a, OPTIONS),
    ]);
  }

  it("loads exactly the 14 must assertions that wpt's annotationMusts.test lists", () => {
    const musts = schemas.assertions.filter((a) => a.assertionType === "must").map((a) => a.file);
    expect(musts.sort()).toEqual([...MUST].sort());
  });

  it("passes every must assertion, for annotations, tag-only and body-less ones, and replies", () => {
    const exported = everyExported();
    expect(exported).toHaveLength(6);
    for (const annotation of exported) expect(failuresOf(annotation, MUST)).toEqual([]);
  });

  it("implements the optional features it emits: created, modified, one creator agent with id, type and name, one motivation, body", () => {
    for (const annotation of everyExported()) {
      const features = [...EMITTED_FEATURES];
      if (annotation.modified) features.push("3.3.1-annotationModifiedImplemented.json");
      if (annotation.body) features.push("3.1-bodyKeyFound.json");
      expect(failuresOf(annotation, features)).toEqual([]);
    }
  });

  it("fails the schemas when the annotation is broken, so the checks above can fail", () => {
    const good = toWebAnnotation(COMMENT, OPTIONS) as Record<string, unknown>;
    const { "@context": _context, ...withoutContext } = good;
    const { target: _target, ...withoutTarget } = good;
    const broken: [Record<string, unknown>, string][] = [
      [withoutContext, "3.1-annotationContextValidated.json"],
      [{ ...good, "@context": "http://www.w3.org/ns/oa.jsonld" }, "3.1-annotationContextValidated.json"],
      [{ ...good, id: "annotations/ann-1" }, "3.1-annotationIdValidated.json"],
      [{ ...good, type: "Note" }, "3.1-annotationTypeValidated.json"],
      [withoutTarget, "3.1-targetKeyFound.json"],
      [{ ...good, target: 42 }, "3.2-targetObjectsRecognized.json"],
      [{ ...good, bodyValue: "note" }, "3.2.5-notBodyBodyValue.json"],
      [{ ...good, created: "2 March 2026" }, "3.3.1-annotationCreatedValidated.json"],
      [
        { ...good, modified: ["2026-03-03T10:00:00Z", "2026-03-04T10:00:00Z"] },
        "3.3.1-annotationModifiedValidated.json",
      ],
      [{ ...good, motivation: "liking" }, "3.3.5-annotationMotivationImplemented.json"],
      [
        { ...good, creator: { ...(good.creator as object), id: "coder-ann" } },
        "3.3.2-annotationCreatorAgentIdImplemented.json",
      ],
    ];
    for (const [document, file] of broken) {
      expect([file, failuresOf(document, [file]).length]).toEqual([file, 1]);
    }
    expect(failuresOf(good, MUST)).toEqual([]);
  });

  it("presents a collection and its page as the collection definitions describe them", () => {
    const collection = toAnnotationCollection([COMMENT, QUESTION], {
      ...OPTIONS,
      id: `${BASE}/api/annotations`,
      label: "Workspace export",
    });
    const check = (ref: string, document: unknown) => schemas.compileDefinition(ref)(document);
    const definitions = "collections.json#/definitions/";
    expect(check(`${definitions}contextValueFound`, collection["@context"])).toBe(true);
    for (const name of ["annotationCollectionTypeValueFound", "labelFound", "totalFound", "firstFound"]) {
      expect([name, check(definitions + name, collection)]).toEqual([name, true]);
    }
    expect(check(`${definitions}firstRequiredIfTotalMoreThanZero`, collection)).toBe(true);
    for (const name of ["annotationPageTypeValueFound", "partOfFound", "startIndexFound", "itemsFound"]) {
      expect([name, check(definitions + name, collection.first)]).toEqual([name, true]);
    }
    const { first: _first, ...pageless } = collection;
    expect(check(`${definitions}firstRequiredIfTotalMoreThanZero`, pageless)).toBe(false);
    // Items inherit the collection's @context; with it restored each one passes the must assertions.
    for (const item of collection.first?.items ?? []) {
      expect(failuresOf({ "@context": collection["@context"], ...item }, MUST)).toEqual([]);
    }
  });
});

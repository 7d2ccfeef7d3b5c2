import {
  ANNOTATION_LIMITS,
  parseAnnotationInput,
  ZCreateAnnotation,
  ZDeleteQuery,
  ZUpdateAnnotation,
} from "@/lib/domain/annotation/annotation.schema";
import { AppError } from "@/lib/domain/errors";

const annotation = {
  clauseId: "us-28-2025-11-20#21",
  body: "A *note*.",
  purpose: "commenting",
  selection: { start: 4, end: 12 },
};

function fieldErrorsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    return (error as AppError).fieldErrors ?? {};
  }
  throw new Error("expected a BAD_REQUEST");
}

describe("ZCreateAnnotation", () => {
  it("fills in private visibility, no tags and English for an annotation", () => {
    expect(parseAnnotationInput(ZCreateAnnotation, annotation)).toEqual({
      kind: "annotation",
      clauseId: "us-28-2025-11-20#21",
      body: "A *note*.",
      purpose: "commenting",
      visibility: "private",
      tags: [],
      selection: { start: 4, end: 12 },
      lang: "en",
    });
  });

  it("reads a reply as parent and note only", () => {
    expect(parseAnnotationInput(ZCreateAnnotation, { parentId: "abc", body: "Agreed." })).toEqual({
      kind: "reply",
      parentId: "abc",
      clauseId: undefined,
      body: "Agreed.",
    });
  });

  it("names every field that needs attention at once", () => {
    const errors = fieldErrorsOf(() =>
      parseAnnotationInput(ZCreateAnnotation, {
        clauseId: "no hash",
        body: "",
        purpose: "replying",
        visibility: "public",
        tags: ["Territory!", "territory"],
        selection: { start: -1, end: 1.5 },
        lang: "fr",
        extra: true,
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(
      ["body", "clauseId", "extra", "lang", "purpose", "selection", "tags", "visibility"].sort(),
    );
    expect(errors.selection.join(" ")).toMatch(/start: .*negative/);
  });

  it("refuses fields a reply inherits, and annotations without clause, purpose or selection", () => {
    const reply = fieldErrorsOf(() =>
      parseAnnotationInput(ZCreateAnnotation, { parentId: "a", body: "x", purpose: "assessing", tags: [] }),
    );
    expect(Object.keys(reply).sort()).toEqual(["purpose", "tags"]);
    const bare = fieldErrorsOf(() => parseAnnotationInput(ZCreateAnnotation, { body: "x" }));
    expect(Object.keys(bare).sort()).toEqual(["clauseId", "purpose", "selection"]);
  });

  it("takes a note of exactly the maximum length and refuses one character more", () => {
    const max = "x".repeat(ANNOTATION_LIMITS.bodyMax);
    expect(parseAnnotationInput(ZCreateAnnotation, { ...annotation, body: max }).body).toBe(max);
    expect(
      fieldErrorsOf(() => parseAnnotationInput(ZCreateAnnotation, { ...annotation, body: `${max}x` })),
    ).toHaveProperty("body");
  });

  it("refuses markup, and anything that is not a dimension id, as a tag", () => {
    for (const tag of ["<script>alert(1)</script>", "javascript:alert(1)", "", "a b", "-x"]) {
      expect(
        fieldErrorsOf(() => parseAnnotationInput(ZCreateAnnotation, { ...annotation, tags: [tag] })),
      ).toHaveProperty("tags");
    }
  });

  it("reports a body that is not an object under 'request'", () => {
    expect(fieldErrorsOf(() => parseAnnotationInput(ZCreateAnnotation, [annotation]))).toHaveProperty("request");
  });
});

describe("ZUpdateAnnotation and the deletion query", () => {
  it("needs the version last seen and something to change", () => {
    expect(parseAnnotationInput(ZUpdateAnnotation, { version: 2, tags: [] })).toEqual({ version: 2, tags: [] });
    expect(fieldErrorsOf(() => parseAnnotationInput(ZUpdateAnnotation, { body: "x" }))).toHaveProperty("version");
    expect(fieldErrorsOf(() => parseAnnotationInput(ZUpdateAnnotation, { version: 2 }))).toHaveProperty("body");
    expect(fieldErrorsOf(() => parseAnnotationInput(ZUpdateAnnotation, { version: 0, body: "x" }))).toHaveProperty(
      "version",
    );
  });

  it("reads a positive whole version from the query", () => {
    expect(parseAnnotationInput(ZDeleteQuery, { version: "12" })).toEqual({ version: 12 });
    for (const version of [undefined, "0", "-1", "1.5", "1e3", " 2"]) {
      expect(fieldErrorsOf(() => parseAnnotationInput(ZDeleteQuery, { version }))).toHaveProperty("version");
    }
  });
});

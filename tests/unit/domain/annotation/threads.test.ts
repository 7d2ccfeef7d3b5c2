import {
  buildThreads,
  summarizeChange,
  toAnnotationSnapshot,
  type TAnnotationRecord,
} from "@/lib/domain/annotation/threads";

const TEXT = "Kherson and Zaporizhzhia regions frozen on the current line of contact.";
const clause = { text: TEXT, textJa: "ヘルソン州とザポリージャ州は現在の接触線で凍結する。" };

let seq = 0;
function record(overrides: Partial<TAnnotationRecord> = {}): TAnnotationRecord {
  seq++;
  return {
    id: `a${seq}`,
    clauseId: "doc#1",
    parentId: null,
    author: { id: "u1", name: "Ana" },
    body: `note ${seq}`,
    purpose: "commenting",
    visibility: "shared",
    exact: "line of contact",
    prefix: "frozen on the current ",
    suffix: ".",
    start: TEXT.indexOf("line of contact"),
    end: TEXT.indexOf("line of contact") + 15,
    anchoredText: TEXT,
    anchorStatus: "anchored",
    version: 1,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, seq)),
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, seq)),
    deletedAt: null,
    tags: ["territory"],
    ...overrides,
  };
}

const reply = (parentId: string, overrides: Partial<TAnnotationRecord> = {}) =>
  record({
    parentId,
    purpose: "replying",
    exact: null,
    prefix: null,
    suffix: null,
    start: null,
    end: null,
    anchoredText: null,
    tags: [],
    ...overrides,
  });

describe("buildThreads", () => {
  it("nests replies under their annotation, oldest first, with the anchor's language", () => {
    const root = record();
    const late = reply(root.id);
    const early = reply(root.id, { createdAt: new Date(Date.UTC(2025, 0, 1)) });
    const [thread, ...rest] = buildThreads([late, root, early], clause);
    expect(rest).toEqual([]);
    expect(thread).toMatchObject({
      id: root.id,
      target: { exact: "line of contact", lang: "en", start: root.start },
      createdAt: root.createdAt.toISOString(),
      deleted: false,
    });
    expect(thread.replies.map((r) => r.id)).toEqual([early.id, late.id]);
    expect(thread.replies[0].target).toBeNull();
  });

  it("shows a deleted annotation only as a placeholder while undeleted replies hang from it", () => {
    const gone = new Date(Date.UTC(2026, 1, 1));
    const withReplies = record({ deletedAt: gone, body: "secret words" });
    const alone = record({ deletedAt: gone });
    const deletedReplyOnly = record({ deletedAt: gone });
    const threads = buildThreads(
      [withReplies, reply(withReplies.id), alone, deletedReplyOnly, reply(deletedReplyOnly.id, { deletedAt: gone })],
      clause,
    );
    expect(threads.map((t) => t.id)).toEqual([withReplies.id]);
    expect(threads[0]).toMatchObject({ deleted: true, body: null, tags: [], target: null });
    expect(JSON.stringify(threads)).not.toContain("secret words");
  });
});

describe("summarizeChange", () => {
  it("names a changed note without quoting it and gives short before and after values for the rest", () => {
    const before = toAnnotationSnapshot(record({ body: "old", tags: ["territory"] }));
    const after = { ...before, body: "new", purpose: "assessing", tags: ["sovereignty", "territory"], version: 2 };
    expect(summarizeChange(before, after)).toEqual([
      { field: "body" },
      { field: "purpose", before: "commenting", after: "assessing" },
      { field: "tags", before: "territory", after: "sovereignty, territory" },
    ]);
  });

  it("gives a creation's initial values and a deletion as one line", () => {
    const created = toAnnotationSnapshot(record({ exact: "x".repeat(100) }));
    const lines = summarizeChange(null, created);
    expect(lines.map((l) => l.field)).toEqual([
      "body",
      "purpose",
      "visibility",
      "tags",
      "exact",
      "start",
      "end",
      "anchorStatus",
    ]);
    expect(lines.find((l) => l.field === "exact")!.after).toHaveLength(60);
    expect(summarizeChange(created, { ...created, deleted: true, version: 2 })).toEqual([{ field: "deleted" }]);
  });
});

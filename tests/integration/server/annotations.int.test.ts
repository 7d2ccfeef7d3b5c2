/**
 * The annotation service beyond the HTTP routes: re-anchoring when a clause text changes, carrying annotations
 * along an alignment (exact match or "needs-review", never a silent move) and the clause timeline.
 */
import type { TActor, TRole } from "@/lib/domain/permissions";
import {
  carryAnnotations,
  createAnnotation,
  deleteAnnotation,
  findClauseThreads,
  getClauseTimeline,
  reanchorClauseAnnotations,
  toCarriedAnnotationId,
  updateAnnotation,
} from "@/lib/server/annotations";
import { getDb } from "@/lib/data/db";
import { createTestActor } from "../../helpers/actors";
import { setupTestDb } from "../../helpers/test-db";

const { db } = setupTestDb("seeded");

const now = new Date("2026-03-10T09:00:00Z");

async function actor(role: TRole, name?: string): Promise<TActor> {
  const a = await createTestActor(db(), role, name);
  return { userId: a.userId, role, name: name ?? `${role} tester`, email: `${a.userId}@example.org` };
}

async function texts(clauseId: string) {
  return db().clause.findUniqueOrThrow({ where: { id: clauseId }, select: { text: true, textJa: true } });
}

async function annotate(
  who: TActor,
  clauseId: string,
  quote: string,
  extra: Record<string, unknown> = {},
  at: Date = now,
) {
  const lang = (extra.lang as "en" | "ja" | undefined) ?? "en";
  const clause = await texts(clauseId);
  const text = lang === "ja" ? clause.textJa! : clause.text;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`'${quote}' is not in ${clauseId}`);
  return createAnnotation(
    who,
    {
      clauseId,
      body: `About “${quote}”.`,
      purpose: "commenting",
      visibility: "shared",
      tags: ["territory"],
      selection: { start, end: start + quote.length },
      ...extra,
    },
    at,
  );
}

async function row(id: string) {
  return db().annotation.findUniqueOrThrow({ where: { id } });
}

async function eventCount(id?: string) {
  return db().auditEvent.count({ where: id ? { entityType: "annotation", entityId: id } : {} });
}

/** Changes a clause text as an editor would (no clause editor exists yet) and re-anchors in the same transaction. */
async function changeText(clauseId: string, data: { text?: string; textJa?: string }, actorId: string | null = null) {
  return getDb().$transaction(async (tx) => {
    await tx.clause.update({ where: { id: clauseId }, data });
    return reanchorClauseAnnotations(clauseId, { actorId, now, tx });
  });
}

describe("reanchorClauseAnnotations", () => {
  const clauseId = "us-28-2025-11-20#7";
  let coder: TActor;
  let original: { text: string; textJa: string | null };

  beforeAll(async () => {
    coder = await actor("coder");
    original = await texts(clauseId);
  });

  afterEach(async () => {
    await db().clause.update({ where: { id: clauseId }, data: original });
    await db().annotation.updateMany({ where: { clauseId }, data: { deletedAt: now } });
  });

  it("writes nothing when the text did not change", async () => {
    const a = await annotate(coder, clauseId, original.text.slice(10, 30));
    const before = await eventCount();
    expect(await reanchorClauseAnnotations(clauseId, { actorId: null, now })).toEqual({
      unchanged: 1,
      anchored: 0,
      needsReview: 0,
    });
    expect(await eventCount()).toBe(before);
    expect((await row(a.id)).version).toBe(1);
  });

  it("moves an annotation when its quote and context occur exactly once in the new text", async () => {
    const quote = original.text.slice(10, 30);
    const a = await annotate(coder, clauseId, quote);
    const newText = `Preamble added here. ${original.text}`;
    const editor = await actor("editor");
    expect(await changeText(clauseId, { text: newText }, editor.userId)).toMatchObject({ anchored: 1, needsReview: 0 });
    const moved = await row(a.id);
    expect(moved).toMatchObject({
      anchorStatus: "anchored",
      start: 31,
      end: 51,
      anchoredText: newText,
      exact: quote,
      version: 2,
    });
    expect(newText.slice(moved.start!, moved.end!)).toBe(quote);
    const events = await db().auditEvent.findMany({ where: { entityId: a.id } });
    expect(events.map((e) => [e.action, e.actorId]).sort()).toEqual([
      ["annotation:create", coder.userId],
      ["annotation:reanchor", editor.userId],
    ]);
  });

  it("marks an annotation 'needs-review', keeping its selectors and text, when its words are gone", async () => {
    const quote = original.text.slice(10, 30);
    const a = await annotate(coder, clauseId, quote);
    const before = await row(a.id);
    expect(await changeText(clauseId, { text: original.text.replace(quote, "entirely new words") })).toMatchObject({
      needsReview: 1,
    });
    const after = await row(a.id);
    expect(after).toMatchObject({
      anchorStatus: "needs-review",
      exact: before.exact,
      prefix: before.prefix,
      suffix: before.suffix,
      start: before.start,
      end: before.end,
      anchoredText: original.text,
      version: 2,
    });
    expect(await eventCount(a.id)).toBe(2);
    const [thread] = (await findClauseThreads(coder, clauseId)).filter((t) => t.id === a.id);
    expect(thread.anchorStatus).toBe("needs-review");

    // A second pass over the same text changes nothing more.
    expect(await reanchorClauseAnnotations(clauseId, { actorId: null, now })).toMatchObject({ unchanged: 1 });
    expect(await eventCount(a.id)).toBe(2);
  });

  it("never guesses between two equal places, and re-anchors once the text is exact again", async () => {
    const quote = original.text.slice(10, 30);
    const a = await annotate(coder, clauseId, quote);
    await changeText(clauseId, { text: `Twice: ${original.text} ${original.text}` });
    expect((await row(a.id)).anchorStatus).toBe("needs-review");
    await changeText(clauseId, { text: `Now: ${original.text}` });
    expect(await row(a.id)).toMatchObject({
      anchorStatus: "anchored",
      start: 15,
      anchoredText: `Now: ${original.text}`,
    });
    expect(await eventCount(a.id)).toBe(3);
  });

  it("re-anchors an annotation made on the Japanese text against the Japanese text only", async () => {
    const quoteJa = original.textJa!.slice(2, 8);
    const ja = await annotate(coder, clauseId, quoteJa, { lang: "ja" });
    const en = await annotate(coder, clauseId, original.text.slice(10, 30));
    expect(await changeText(clauseId, { text: "A wholly rewritten English summary." })).toMatchObject({
      unchanged: 1,
      needsReview: 1,
    });
    expect((await row(ja.id)).anchorStatus).toBe("anchored");
    expect((await row(en.id)).anchorStatus).toBe("needs-review");
    await changeText(clauseId, { textJa: `前文。${original.textJa}` });
    expect(await row(ja.id)).toMatchObject({
      anchorStatus: "anchored",
      start: 5,
      anchoredText: `前文。${original.textJa}`,
    });
  });

  it("makes an editor's copy of a re-anchored annotation stale (409), so nothing is overwritten", async () => {
    const a = await annotate(coder, clauseId, original.text.slice(10, 30));
    await changeText(clauseId, { text: `Prefix. ${original.text}` });
    await expect(updateAnnotation(coder, a.id, { version: 1, body: "edit" }, now)).rejects.toMatchObject({
      code: "CONFLICT",
      current: expect.objectContaining({ id: a.id, version: 2 }),
    });
  });

  it("rolls the re-anchoring back with the text change when the transaction fails", async () => {
    const a = await annotate(coder, clauseId, original.text.slice(10, 30));
    const before = await eventCount();
    await expect(
      getDb().$transaction(async (tx) => {
        await tx.clause.update({ where: { id: clauseId }, data: { text: "Gone." } });
        await reanchorClauseAnnotations(clauseId, { actorId: null, now, tx });
        throw new Error("the edit failed later");
      }),
    ).rejects.toThrow("the edit failed later");
    expect((await row(a.id)).anchorStatus).toBe("anchored");
    expect((await texts(clauseId)).text).toBe(original.text);
    expect(await eventCount()).toBe(before);
  });
});

describe("carryAnnotations", () => {
  let coder: TActor;
  let editor: TActor;

  beforeAll(async () => {
    coder = await actor("coder");
    editor = await actor("editor");
  });

  it("copies annotations to an unchanged clause, anchored, with one event per copy; again copies nothing", async () => {
    const from = "us-28-2025-11-20#1";
    const to = "e3-counter-2025-11-23#1";
    const a = await annotate(coder, from, "sovereignty", { visibility: "private", tags: ["sovereignty"] });
    await createAnnotation(coder, { parentId: a.id, body: "a reply stays home" }, now);
    const deleted = await annotate(coder, from, "Reaffirms");
    await deleteAnnotation(coder, deleted.id, 1, now);
    const before = await eventCount();

    expect(await carryAnnotations(editor, from, to, { now })).toEqual({
      carried: 1,
      anchored: 1,
      needsReview: 0,
      alreadyCarried: 0,
    });
    const copy = await db().annotation.findUniqueOrThrow({
      where: { id: toCarriedAnnotationId(a.id, to) },
      include: { tags: true },
    });
    expect(copy).toMatchObject({
      clauseId: to,
      authorId: coder.userId,
      visibility: "private",
      body: a.body,
      exact: "sovereignty",
      anchorStatus: "anchored",
      parentId: null,
    });
    expect(copy.tags.map((t) => t.dimensionId)).toEqual(["sovereignty"]);
    expect(await db().annotation.count({ where: { clauseId: to } })).toBe(1);
    expect(await eventCount()).toBe(before + 1);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: copy.id } });
    expect(event).toMatchObject({ action: "annotation:carry", actorId: editor.userId });
    expect(JSON.parse(event.after!)).toMatchObject({ carriedFrom: a.id });

    expect(await carryAnnotations(editor, from, to, { now })).toMatchObject({ carried: 0, alreadyCarried: 1 });
    expect(await eventCount()).toBe(before + 1);
  });

  it("marks a copy 'needs-review' when the target words differ around the quote", async () => {
    const from = "us-28-2025-11-20#21";
    const to = "e3-counter-2025-11-23#21";
    const moved = await annotate(coder, from, "line of contact");
    const gone = await annotate(coder, from, "Crimea");
    expect(await carryAnnotations(editor, from, to, { now })).toMatchObject({
      carried: 2,
      anchored: 0,
      needsReview: 2,
    });
    const source = await texts(from);
    for (const a of [moved, gone]) {
      const copy = await row(toCarriedAnnotationId(a.id, to));
      const original = await row(a.id);
      expect(copy).toMatchObject({
        anchorStatus: "needs-review",
        exact: original.exact,
        prefix: original.prefix,
        start: original.start,
        anchoredText: source.text,
      });
    }
  });

  it("refuses clauses without an alignment between them, and roles that may not edit alignments", async () => {
    const before = await db().annotation.count();
    await expect(
      carryAnnotations(editor, "us-28-2025-11-20#1", "e3-counter-2025-11-23#2", { now }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      carryAnnotations(coder, "us-28-2025-11-20#1", "e3-counter-2025-11-23#1", { now }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(carryAnnotations(editor, "us-28-2025-11-20#1", "nowhere#1", { now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().annotation.count()).toBe(before);
  });
});

describe("getClauseTimeline", () => {
  it("lists the clause's annotation history newest first, hiding private annotations from others", async () => {
    const clauseId = "us-28-2025-11-20#12";
    const author = await actor("coder", "Timeline Tess");
    const other = await actor("coder", "Other Olga");
    const text = (await texts(clauseId)).text;
    const quote = text.slice(0, 12);
    const shared = await annotate(author, clauseId, quote);
    const later = new Date(now.getTime() + 60_000);
    await updateAnnotation(author, shared.id, { version: 1, purpose: "assessing", body: "changed" }, later);
    const privateOne = await annotate(
      author,
      clauseId,
      quote,
      { visibility: "private" },
      new Date(now.getTime() + 30_000),
    );

    const mine = await getClauseTimeline(author, clauseId);
    expect(mine.map((e) => [e.action, e.entityId])).toEqual([
      ["annotation:update", shared.id],
      ["annotation:create", privateOne.id],
      ["annotation:create", shared.id],
    ]);
    expect(mine[0]).toMatchObject({ actor: { id: author.userId, name: "Timeline Tess" }, at: later.toISOString() });
    expect(mine[0].changes).toEqual([
      { field: "body" },
      { field: "purpose", before: "commenting", after: "assessing" },
    ]);

    const theirs = await getClauseTimeline(other, clauseId);
    expect(theirs.map((e) => e.entityId)).not.toContain(privateOne.id);
    expect(theirs).toHaveLength(2);
    expect(await getClauseTimeline(null, clauseId)).toHaveLength(2);
  });

  it("refuses a malformed clause and answers NOT_FOUND for an unknown one", async () => {
    await expect(getClauseTimeline(null, "nope")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(getClauseTimeline(null, "us-28-2025-11-20#99")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

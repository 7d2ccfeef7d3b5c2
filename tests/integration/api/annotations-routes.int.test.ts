/**
 * The annotation API (GET/POST /api/annotations, GET/PATCH/DELETE /api/annotations/{id}, the W3C export) called as
 * Next calls it, against a seeded database: every write route × every role, stale versions, one audit event per
 * change, bad input that writes nothing, and who sees what.
 */
import * as listRoute from "@/app/api/annotations/route";
import * as itemRoute from "@/app/api/annotations/[id]/route";
import * as exportRoute from "@/app/api/annotations/export/route";
import type { TRole } from "@/lib/domain/permissions";
import { createTestActor, createTestActors, type TTestActor } from "../../helpers/actors";
import { expectErrorShape } from "../../helpers/error-shape";
import { setupTestDb } from "../../helpers/test-db";

const { db } = setupTestDb("seeded");

const CLAUSE = "us-28-2025-11-20#21";
const ROLES_THAT_ANNOTATE = ["coder", "editor", "adjudicator", "admin"] as const;

let actors: Record<TRole, TTestActor>;
let clauseText: string;
let clauseTextJa: string;

beforeAll(async () => {
  actors = await createTestActors(db());
  const clause = await db().clause.findUniqueOrThrow({ where: { id: CLAUSE }, select: { text: true, textJa: true } });
  clauseText = clause.text;
  clauseTextJa = clause.textJa!;
});

type TWho = TTestActor | null;

function headersOf(who: TWho, json = true): Record<string, string> {
  return { ...(who ? who.headers : {}), ...(json ? { "content-type": "application/json" } : {}) };
}

async function call(response: Promise<Response>) {
  const r = await response;
  return { status: r.status, body: await r.json() };
}

const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function post(who: TWho, body: unknown) {
  return call(
    listRoute.POST(
      new Request("http://localhost/api/annotations", {
        method: "POST",
        headers: headersOf(who),
        body: JSON.stringify(body),
      }),
      noParams,
    ),
  );
}

function list(who: TWho, clause = CLAUSE) {
  return call(
    listRoute.GET(
      new Request(`http://localhost/api/annotations?clause=${encodeURIComponent(clause)}`, {
        headers: headersOf(who, false),
      }),
      noParams,
    ),
  );
}

function getOne(who: TWho, id: string) {
  return call(
    itemRoute.GET(
      new Request(`http://localhost/api/annotations/${id}`, { headers: headersOf(who, false) }),
      idParams(id),
    ),
  );
}

function patch(who: TWho, id: string, body: unknown) {
  return call(
    itemRoute.PATCH(
      new Request(`http://localhost/api/annotations/${id}`, {
        method: "PATCH",
        headers: headersOf(who),
        body: JSON.stringify(body),
      }),
      idParams(id),
    ),
  );
}

function remove(who: TWho, id: string, version: number | string | null) {
  const query = version === null ? "" : `?version=${version}`;
  return call(
    itemRoute.DELETE(
      new Request(`http://localhost/api/annotations/${id}${query}`, {
        method: "DELETE",
        headers: headersOf(who, false),
      }),
      idParams(id),
    ),
  );
}

function rangeOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`'${quote}' is not in the clause text`);
  return { start, end: start + quote.length };
}

function newAnnotation(overrides: Record<string, unknown> = {}) {
  return {
    clauseId: CLAUSE,
    body: "Is **de facto** recognition binding on third states?",
    purpose: "questioning",
    visibility: "shared",
    tags: ["territory"],
    selection: { ...rangeOf(clauseText, "De facto recognition"), exact: "De facto recognition" },
    ...overrides,
  };
}

/** Creates an annotation as `who` and returns its JSON view. */
async function created(who: TTestActor, overrides: Record<string, unknown> = {}) {
  const { status, body } = await post(who, newAnnotation(overrides));
  expect(status).toBe(201);
  return body.data as { id: string; version: number; [key: string]: unknown };
}

async function counts() {
  const [annotations, tags, events] = await Promise.all([
    db().annotation.count(),
    db().annotationTag.count(),
    db().auditEvent.count(),
  ]);
  return { annotations, tags, events };
}

/** The audit events of an annotation, oldest first (the creation first when two share a millisecond). */
async function eventsFor(id: string) {
  const events = await db().auditEvent.findMany({
    where: { entityType: "annotation", entityId: id },
    select: { action: true, actorId: true, before: true, after: true, at: true },
  });
  return events.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || Number(a.before !== null) - Number(b.before !== null),
  );
}

const who = (role: TRole | "anonymous"): TWho => (role === "anonymous" ? null : actors[role]);

describe("POST /api/annotations", () => {
  it.each([
    ["anonymous", 401, "UNAUTHORIZED"],
    ["viewer", 403, "FORBIDDEN"],
  ] as const)("answers %s with %i and writes nothing", async (role, status, code) => {
    const before = await counts();
    const result = await post(who(role), newAnnotation());
    expect(result.status).toBe(status);
    expectErrorShape(result.body, code);
    expect(await counts()).toEqual(before);
  });

  it.each(ROLES_THAT_ANNOTATE)(
    "lets a %s annotate, anchored to the words selected, with one audit event",
    async (role) => {
      const before = await counts();
      const { status, body } = await post(actors[role], newAnnotation());
      expect(status).toBe(201);
      const start = clauseText.indexOf("De facto recognition");
      expect(body.data).toMatchObject({
        clauseId: CLAUSE,
        parentId: null,
        author: { id: actors[role].userId },
        body: "Is **de facto** recognition binding on third states?",
        purpose: "questioning",
        visibility: "shared",
        tags: ["territory"],
        anchorStatus: "anchored",
        version: 1,
        deleted: false,
        target: {
          exact: "De facto recognition",
          prefix: clauseText.slice(Math.max(0, start - 32), start),
          suffix: clauseText.slice(start + 20, start + 52),
          start,
          end: start + 20,
          lang: "en",
        },
      });
      expect(await counts()).toEqual({
        annotations: before.annotations + 1,
        tags: before.tags + 1,
        events: before.events + 1,
      });
      const [event] = await eventsFor(body.data.id);
      expect(event).toMatchObject({ action: "annotation:create", actorId: actors[role].userId, before: null });
      expect(JSON.parse(event.after!)).toMatchObject({ body: body.data.body, tags: ["territory"], version: 1 });
      const row = await db().annotation.findUniqueOrThrow({ where: { id: body.data.id } });
      expect(row.anchoredText).toBe(clauseText);
    },
  );

  it("anchors a selection made on the Japanese text in the Japanese text", async () => {
    const quote = "クリミア半島";
    const { body } = await post(
      actors.coder,
      newAnnotation({ lang: "ja", selection: { ...rangeOf(clauseTextJa, quote), exact: quote } }),
    );
    expect(body.data.target).toMatchObject({ exact: quote, lang: "ja", start: clauseTextJa.indexOf(quote) });
    const row = await db().annotation.findUniqueOrThrow({ where: { id: body.data.id } });
    expect(row.anchoredText).toBe(clauseTextJa);
  });

  it.each([
    ["no clause", { clauseId: undefined }, "clauseId"],
    ["a malformed clause id", { clauseId: "us-28-2025-11-20 21" }, "clauseId"],
    ["an unknown clause", { clauseId: "us-28-2025-11-20#99" }, "clauseId"],
    ["an empty note", { body: "   " }, "body"],
    ["a note over 10,000 characters", { body: "x".repeat(10_001) }, "body"],
    ["an unknown tag", { tags: ["weather"] }, "tags"],
    ["markup in a tag", { tags: ['<img src=x onerror="window.__xss=1">'] }, "tags"],
    ["a repeated tag", { tags: ["territory", "territory"] }, "tags"],
    ["the purpose of a reply", { purpose: "replying" }, "purpose"],
    ["no purpose", { purpose: undefined }, "purpose"],
    ["an unknown visibility", { visibility: "public" }, "visibility"],
    ["no selection", { selection: undefined }, "selection"],
    ["an empty selection", { selection: { start: 5, end: 5 } }, "selection"],
    ["a selection past the text", { selection: { start: 0, end: 100_000 } }, "selection"],
    ["a selection of other words", { selection: { start: 0, end: 5, exact: "Crimea" } }, "selection"],
    ["an unknown language", { lang: "de" }, "lang"],
    ["an unknown field", { author: "someone else" }, "author"],
    ["a clause and a parent", { parentId: "x" }, "purpose"],
  ])("answers 400 for %s, naming '%s', and writes nothing", async (_, overrides, field) => {
    const before = await counts();
    const { status, body } = await post(actors.coder, newAnnotation(overrides));
    expect(status).toBe(400);
    expectErrorShape(body, "BAD_REQUEST");
    expect(body.error.fieldErrors).toHaveProperty(field);
    expect(await counts()).toEqual(before);
  });

  it("refuses a body that is not JSON, or not declared as JSON", async () => {
    const before = await counts();
    const send = (body: string, type: string) =>
      call(
        listRoute.POST(
          new Request("http://localhost/api/annotations", {
            method: "POST",
            headers: { ...actors.coder.headers, "content-type": type },
            body,
          }),
          noParams,
        ),
      );
    for (const [body, type] of [
      ["{not json", "application/json"],
      [JSON.stringify(newAnnotation()), "text/plain"],
      [JSON.stringify(newAnnotation()), "application/x-www-form-urlencoded"],
      ["[]", "application/json"],
    ]) {
      const result = await send(body, type);
      expect(result.status).toBe(400);
      expectErrorShape(result.body, "BAD_REQUEST");
    }
    const huge = await send(JSON.stringify(newAnnotation({ body: "x".repeat(200_000) })), "application/json");
    expect(huge.status).toBe(413);
    expectErrorShape(huge.body, "PAYLOAD_TOO_LARGE");
    expect(await counts()).toEqual(before);
  });

  it("adds replies to a thread, inheriting its clause and visibility", async () => {
    const root = await created(actors.coder);
    const before = await counts();
    const { status, body } = await post(actors.adjudicator, { parentId: root.id, body: "Only the US, per the text." });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({
      parentId: root.id,
      clauseId: CLAUSE,
      purpose: "replying",
      visibility: "shared",
      target: null,
      tags: [],
    });
    expect(await counts()).toEqual({ ...before, annotations: before.annotations + 1, events: before.events + 1 });
    const thread = (await list(actors.viewer)).body.data.find((t: { id: string }) => t.id === root.id);
    expect(thread.replies.map((r: { id: string }) => r.id)).toEqual([body.data.id]);

    for (const [payload, field] of [
      [{ parentId: body.data.id, body: "a reply to a reply" }, "parentId"],
      [{ parentId: "no-such-annotation", body: "hello" }, "parentId"],
      [{ parentId: root.id, body: "hello", tags: ["territory"] }, "tags"],
      [{ parentId: root.id, body: "hello", selection: { start: 0, end: 3 } }, "selection"],
      [{ parentId: root.id, body: "hello", clauseId: "us-28-2025-11-20#1" }, "clauseId"],
    ] as const) {
      const bad = await post(actors.coder, payload);
      expect(bad.status).toBe(400);
      expect(bad.body.error.fieldErrors).toHaveProperty(field);
    }
    expect(await counts()).toEqual({ ...before, annotations: before.annotations + 1, events: before.events + 1 });
  });

  it.each([
    ["anonymous", 401],
    ["viewer", 403],
  ] as const)("refuses a reply from %s", async (role, status) => {
    const root = await created(actors.coder);
    const before = await counts();
    expect((await post(who(role), { parentId: root.id, body: "me too" })).status).toBe(status);
    expect(await counts()).toEqual(before);
  });

  it.each(ROLES_THAT_ANNOTATE)("lets a %s reply", async (role) => {
    const root = await created(actors.editor);
    expect((await post(actors[role], { parentId: root.id, body: "Noted." })).status).toBe(201);
  });
});

describe("who sees what", () => {
  let author: TTestActor;
  let other: TTestActor;
  const clause = "us-28-2025-11-20#20";

  beforeAll(async () => {
    author = await createTestActor(db(), "coder", "Private Penny");
    other = await createTestActor(db(), "coder", "Other Otto");
  });

  it("shows a private annotation and its replies to its author only", async () => {
    const text = (await db().clause.findUniqueOrThrow({ where: { id: clause } })).text;
    const mine = await created(author, {
      clauseId: clause,
      visibility: "private",
      tags: [],
      selection: rangeOf(text, "tolerance"),
    });
    const reply = await post(author, { parentId: mine.id, body: "a note to self" });
    expect(reply.body.data.visibility).toBe("private");
    const ids = (body: { data: { id: string }[] }) => body.data.map((t) => t.id);
    expect(ids((await list(author, clause)).body)).toContain(mine.id);
    for (const reader of [null, other, actors.admin]) {
      expect(ids((await list(reader, clause)).body)).not.toContain(mine.id);
      const one = await getOne(reader, mine.id);
      expect(one.status).toBe(404);
      expectErrorShape(one.body, "NOT_FOUND");
      expect((await getOne(reader, reply.body.data.id)).status).toBe(404);
    }
    const replyByOther = await post(other, { parentId: mine.id, body: "can I?" });
    expect(replyByOther.status).toBe(400);
    expect(replyByOther.body.error.fieldErrors).toHaveProperty("parentId");
    expect((await patch(other, mine.id, { version: 1, body: "mine now" })).status).toBe(404);
    expect((await remove(actors.admin, mine.id, 1)).status).toBe(404);
  });

  it("lists shared annotations to anonymous readers", async () => {
    const shared = await created(author);
    const { status, body } = await list(null);
    expect(status).toBe(200);
    expect(body.data.map((t: { id: string }) => t.id)).toContain(shared.id);
  });

  it("answers 400 and 404 for a bad or unknown clause parameter", async () => {
    const missing = await call(listRoute.GET(new Request("http://localhost/api/annotations"), noParams));
    expect(missing.status).toBe(400);
    expectErrorShape(missing.body, "BAD_REQUEST", /'clause'/);
    expect((await list(null, "not a clause")).status).toBe(400);
    const unknown = await list(null, "us-28-2025-11-20#99");
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.body, "NOT_FOUND");
    const extra = await call(
      listRoute.GET(new Request(`http://localhost/api/annotations?clause=${encodeURIComponent(CLAUSE)}&x=1`), noParams),
    );
    expectErrorShape(extra.body, "BAD_REQUEST", /'x'/);
  });
});

describe("PATCH /api/annotations/{id}", () => {
  it.each([
    ["anonymous", 401, "UNAUTHORIZED"],
    ["viewer", 403, "FORBIDDEN"],
  ] as const)("answers %s with %i and changes nothing", async (role, status, code) => {
    const mine = await created(actors.coder);
    const before = await counts();
    const result = await patch(who(role), mine.id, { version: 1, body: "changed" });
    expect(result.status).toBe(status);
    expectErrorShape(result.body, code);
    expect(await counts()).toEqual(before);
    expect((await db().annotation.findUniqueOrThrow({ where: { id: mine.id } })).body).toBe(mine.body);
  });

  it.each(ROLES_THAT_ANNOTATE)("lets a %s edit their own annotation, with one audit event", async (role) => {
    const mine = await created(actors[role]);
    const before = await counts();
    const { status, body } = await patch(actors[role], mine.id, {
      version: 1,
      body: "Recognition *by the US* only.",
      purpose: "assessing",
      tags: ["territory", "sovereignty"],
    });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      id: mine.id,
      version: 2,
      body: "Recognition *by the US* only.",
      purpose: "assessing",
      tags: ["sovereignty", "territory"],
      target: mine.target,
    });
    expect(await counts()).toEqual({
      annotations: before.annotations,
      tags: before.tags + 1,
      events: before.events + 1,
    });
    const events = await eventsFor(mine.id);
    expect(events.map((e) => e.action)).toEqual(["annotation:create", "annotation:update"]);
    expect(JSON.parse(events[1].before!)).toMatchObject({ body: mine.body, purpose: "questioning", version: 1 });
    expect(JSON.parse(events[1].after!)).toMatchObject({
      purpose: "assessing",
      tags: ["sovereignty", "territory"],
      version: 2,
    });
  });

  it.each(ROLES_THAT_ANNOTATE)("refuses a %s editing someone else's annotation (403)", async (role) => {
    const theirs = await created(role === "coder" ? actors.editor : actors.coder);
    const before = await counts();
    const result = await patch(actors[role], theirs.id, { version: 1, body: "overwritten" });
    expect(result.status).toBe(403);
    expectErrorShape(result.body, "FORBIDDEN");
    expect(await counts()).toEqual(before);
  });

  it("answers a stale version with 409 and the current copy, and overwrites nothing", async () => {
    const mine = await created(actors.coder);
    const first = await patch(actors.coder, mine.id, { version: 1, body: "First edit." });
    expect(first.status).toBe(200);
    const before = await counts();
    const stale = await patch(actors.coder, mine.id, { version: 1, body: "Edit from an old tab." });
    expect(stale.status).toBe(409);
    expectErrorShape(stale.body, "CONFLICT");
    expect(stale.body.error.current).toEqual(first.body.data);
    expect(await counts()).toEqual(before);
    expect((await db().annotation.findUniqueOrThrow({ where: { id: mine.id } })).body).toBe("First edit.");
    const merged = await patch(actors.coder, mine.id, {
      version: stale.body.error.current.version,
      body: "Edit from an old tab.",
    });
    expect(merged.status).toBe(200);
    expect(merged.body.data).toMatchObject({ version: 3, body: "Edit from an old tab." });
  });

  it("lets only one of two simultaneous edits of the same version win", async () => {
    const mine = await created(actors.coder);
    const results = await Promise.all([
      patch(actors.coder, mine.id, { version: 1, body: "Tab A" }),
      patch(actors.coder, mine.id, { version: 1, body: "Tab B" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.data.body;
    expect((await db().annotation.findUniqueOrThrow({ where: { id: mine.id } })).body).toBe(winner);
    expect((await eventsFor(mine.id)).map((e) => e.action)).toEqual(["annotation:create", "annotation:update"]);
  });

  it("writes nothing and no event for a change that changes nothing", async () => {
    const mine = await created(actors.coder);
    const before = await counts();
    const { status, body } = await patch(actors.coder, mine.id, { version: 1, body: mine.body, tags: ["territory"] });
    expect(status).toBe(200);
    expect(body.data.version).toBe(1);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["no version", { body: "x" }, "version"],
    ["nothing to change", { version: 1 }, "body"],
    ["an unknown tag", { version: 1, tags: ["<b>x</b>"] }, "tags"],
    ["an empty note", { version: 1, body: "" }, "body"],
    ["an unknown field", { version: 1, clauseId: "us-28-2025-11-20#1" }, "clauseId"],
  ])("answers 400 for %s, naming '%s'", async (_, payload, field) => {
    const mine = await created(actors.coder);
    const before = await counts();
    const { status, body } = await patch(actors.coder, mine.id, payload);
    expect(status).toBe(400);
    expectErrorShape(body, "BAD_REQUEST");
    expect(body.error.fieldErrors).toHaveProperty(field);
    expect(await counts()).toEqual(before);
  });

  it("edits a reply's note only", async () => {
    const root = await created(actors.editor);
    const reply = (await post(actors.coder, { parentId: root.id, body: "first" })).body.data;
    const bad = await patch(actors.coder, reply.id, { version: 1, purpose: "assessing" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors).toHaveProperty("purpose");
    const ok = await patch(actors.coder, reply.id, { version: 1, body: "second" });
    expect(ok.body.data).toMatchObject({ body: "second", purpose: "replying", version: 2 });
  });

  it("takes replies along when a thread changes visibility, but keeps others' replies visible", async () => {
    const root = await created(actors.coder, { visibility: "private" });
    const own = (await post(actors.coder, { parentId: root.id, body: "own reply" })).body.data;
    const shared = await patch(actors.coder, root.id, { version: 1, visibility: "shared" });
    expect(shared.body.data.visibility).toBe("shared");
    expect((await getOne(actors.viewer, own.id)).body.data.visibility).toBe("shared");

    await post(actors.editor, { parentId: root.id, body: "someone else's reply" });
    const before = await counts();
    const back = await patch(actors.coder, root.id, { version: 2, visibility: "private" });
    expect(back.status).toBe(400);
    expect(back.body.error.fieldErrors).toHaveProperty("visibility");
    expect(await counts()).toEqual(before);
  });

  it("answers 404 for an unknown annotation", async () => {
    const result = await patch(actors.coder, "no-such-id", { version: 1, body: "x" });
    expect(result.status).toBe(404);
    expectErrorShape(result.body, "NOT_FOUND");
  });
});

describe("DELETE /api/annotations/{id}", () => {
  it.each([
    ["anonymous", 401, "UNAUTHORIZED"],
    ["viewer", 403, "FORBIDDEN"],
  ] as const)("answers %s with %i and deletes nothing", async (role, status, code) => {
    const mine = await created(actors.coder);
    const before = await counts();
    const result = await remove(who(role), mine.id, 1);
    expect(result.status).toBe(status);
    expectErrorShape(result.body, code);
    expect(await counts()).toEqual(before);
    expect((await db().annotation.findUniqueOrThrow({ where: { id: mine.id } })).deletedAt).toBeNull();
  });

  it.each(ROLES_THAT_ANNOTATE)("lets a %s soft-delete their own annotation, with one audit event", async (role) => {
    const mine = await created(actors[role]);
    const before = await counts();
    const { status, body } = await remove(actors[role], mine.id, 1);
    expect(status).toBe(200);
    expect(body.data).toEqual({ id: mine.id, deleted: true });
    expect(await counts()).toEqual({ ...before, events: before.events + 1 });
    const row = await db().annotation.findUniqueOrThrow({ where: { id: mine.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.version).toBe(2);
    expect((await eventsFor(mine.id)).map((e) => e.action)).toEqual(["annotation:create", "annotation:delete"]);
    expect((await getOne(actors[role], mine.id)).status).toBe(404);
    expect((await list(null)).body.data.map((t: { id: string }) => t.id)).not.toContain(mine.id);
  });

  it.each(["coder", "editor", "adjudicator"] as const)("refuses a %s deleting someone else's (403)", async (role) => {
    const theirs = await created(role === "coder" ? actors.editor : actors.coder);
    const before = await counts();
    const result = await remove(actors[role], theirs.id, 1);
    expect(result.status).toBe(403);
    expectErrorShape(result.body, "FORBIDDEN");
    expect(await counts()).toEqual(before);
  });

  it("lets an admin delete someone else's shared annotation", async () => {
    const theirs = await created(actors.coder);
    const { status } = await remove(actors.admin, theirs.id, 1);
    expect(status).toBe(200);
    const [, event] = await eventsFor(theirs.id);
    expect(event).toMatchObject({ action: "annotation:delete", actorId: actors.admin.userId });
  });

  it("answers a stale version with 409 and the current copy; a second deletion with 409 and null", async () => {
    const mine = await created(actors.coder);
    const edited = (await patch(actors.coder, mine.id, { version: 1, body: "edited" })).body.data;
    const before = await counts();
    const stale = await remove(actors.coder, mine.id, 1);
    expect(stale.status).toBe(409);
    expectErrorShape(stale.body, "CONFLICT");
    expect(stale.body.error.current).toEqual(edited);
    expect(await counts()).toEqual(before);
    expect((await remove(actors.coder, mine.id, 2)).status).toBe(200);
    const again = await remove(actors.coder, mine.id, 3);
    expect(again.status).toBe(409);
    expect(again.body.error.current).toBeNull();
    const editDeleted = await patch(actors.coder, mine.id, { version: 3, body: "back?" });
    expect(editDeleted.status).toBe(409);
    expect(editDeleted.body.error.current).toBeNull();
    expect(await counts()).toEqual({ ...before, events: before.events + 1 });
  });

  it.each([
    ["no version", null],
    ["a version that is not a number", "two"],
    ["a version of zero", 0],
  ])("answers 400 for %s", async (_, version) => {
    const mine = await created(actors.coder);
    const result = await remove(actors.coder, mine.id, version);
    expect(result.status).toBe(400);
    expectErrorShape(result.body, "BAD_REQUEST");
    expect(result.body.error.fieldErrors).toHaveProperty("version");
    expect((await db().annotation.findUniqueOrThrow({ where: { id: mine.id } })).deletedAt).toBeNull();
  });

  it("keeps a deleted thread as a placeholder while it has replies, hiding its note", async () => {
    const root = await created(actors.coder, { body: "the note that goes away" });
    const reply = (await post(actors.editor, { parentId: root.id, body: "a reply that stays" })).body.data;
    await remove(actors.coder, root.id, 1);
    const thread = (await list(actors.viewer)).body.data.find((t: { id: string }) => t.id === root.id);
    expect(thread).toMatchObject({ deleted: true, body: null, tags: [], target: null });
    expect(thread.replies.map((r: { body: string }) => r.body)).toEqual(["a reply that stays"]);
    expect(JSON.stringify(thread)).not.toContain("the note that goes away");
    await remove(actors.editor, reply.id, 1);
    expect((await list(actors.viewer)).body.data.map((t: { id: string }) => t.id)).not.toContain(root.id);
  });
});

describe("GET /api/annotations/export", () => {
  it("exports shared, undeleted annotations with their replies as a W3C AnnotationCollection", async () => {
    const shared = await created(actors.coder, { body: "exported note" });
    const reply = (await post(actors.editor, { parentId: shared.id, body: "exported reply" })).body.data;
    const privateOne = await created(actors.coder, { visibility: "private", body: "private note" });
    const gone = await created(actors.coder, { body: "deleted note" });
    await remove(actors.coder, gone.id, 1);

    const response = await exportRoute.GET(new Request("http://localhost/api/annotations/export"), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/ld+json");
    const collection = await response.json();
    expect(collection).toMatchObject({ type: "AnnotationCollection", id: "http://localhost/api/annotations/export" });
    const ids = collection.first.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(`http://localhost/annotations/${shared.id}`);
    expect(ids).toContain(`http://localhost/annotations/${reply.id}`);
    expect(ids).not.toContain(`http://localhost/annotations/${privateOne.id}`);
    expect(ids).not.toContain(`http://localhost/annotations/${gone.id}`);
    const item = collection.first.items.find((i: { id: string }) => i.id.endsWith(shared.id));
    expect(item.target.selector[0]).toMatchObject({ type: "TextQuoteSelector", exact: "De facto recognition" });
  });
});

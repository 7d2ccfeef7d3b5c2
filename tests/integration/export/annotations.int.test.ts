/** The shared annotations as W3C Web Annotation JSON-LD: GET /api/dataset/annotations and the package's copy. */
import { buildSelectors } from "@/lib/domain/annotation/selectors";
import * as annotationsRoute from "@/app/api/dataset/annotations/route";
import * as datasetRoute from "@/app/api/dataset/export/route";
import { checkAssertion, loadW3cSchemas } from "../../helpers/w3c-schemas";
import { setupTestDb } from "../../helpers/test-db";
import { readZip } from "../../unit/domain/export/readers";

const { db } = setupTestDb("seeded");

const CLAUSE = "us-28-2025-11-20#6";

describe("the annotations export", () => {
  let text = "";

  beforeAll(async () => {
    text = (await db().clause.findUniqueOrThrow({ where: { id: CLAUSE }, select: { text: true } })).text;
    await db().user.createMany({
      data: [
        { id: "user-ann", name: "Ann Researcher", email: "ann@example.org" },
        { id: "user-ben", name: "Ben", email: "ben@example.org" },
      ],
    });
    await db().coder.create({ data: { id: "ann", name: "Ann Researcher", kind: "researcher", userId: "user-ann" } });
    const quote = text.split(" ").slice(2, 5).join(" ");
    const start = text.indexOf(quote);
    const selectors = buildSelectors(text, { start, end: start + quote.length });
    const anchored = {
      clauseId: CLAUSE,
      exact: selectors.TextQuoteSelector.exact,
      prefix: selectors.TextQuoteSelector.prefix,
      suffix: selectors.TextQuoteSelector.suffix,
      start,
      end: start + quote.length,
      anchoredText: text,
    };
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));
    await db().annotation.createMany({
      data: [
        {
          id: "n1",
          authorId: "user-ann",
          body: "Compare with **Geneva**.",
          purpose: "commenting",
          visibility: "shared",
          createdAt: at(0),
          updatedAt: at(9),
          ...anchored,
        },
        {
          id: "n1-r",
          authorId: "user-ben",
          parentId: "n1",
          body: "「60万人」は平時の上限か？",
          purpose: "replying",
          visibility: "shared",
          clauseId: CLAUSE,
          createdAt: at(1),
          updatedAt: at(1),
        },
        {
          id: "n2",
          authorId: "user-ben",
          body: "Private thought",
          purpose: "questioning",
          visibility: "private",
          createdAt: at(2),
          updatedAt: at(2),
          ...anchored,
        },
        {
          id: "n3",
          authorId: "user-ann",
          body: "Withdrawn",
          purpose: "assessing",
          visibility: "shared",
          createdAt: at(3),
          updatedAt: at(3),
          deletedAt: at(4),
          ...anchored,
        },
      ],
    });
    await db().annotationTag.create({ data: { annotationId: "n1", dimensionId: "military-limits" } });
  });

  it("serves the shared, undeleted annotations as an AnnotationCollection that passes the W3C must assertions", async () => {
    const response = await annotationsRoute.GET(new Request("http://localhost/api/dataset/annotations"), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(
      /^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/,
    );
    const collection = await response.json();
    expect(collection).toMatchObject({
      type: "AnnotationCollection",
      total: 2,
      id: "http://localhost/api/dataset/annotations",
    });
    const items = collection.first.items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toEqual(["http://localhost/annotations/n1", "http://localhost/annotations/n1-r"]);
    expect(items[0]).toMatchObject({
      motivation: "commenting",
      creator: { id: "http://localhost/coders/ann", name: "Ann Researcher", type: "Person" },
      modified: "2026-03-02T09:09:00.000Z",
      target: { source: "http://localhost/clauses/us-28-2025-11-20/6" },
    });
    expect(items[1]).toMatchObject({ motivation: "replying", target: "http://localhost/annotations/n1" });
    const musts = loadW3cSchemas().assertions.filter((a) => a.assertionType === "must");
    for (const item of items) {
      const failures = musts.map((a) => checkAssertion(a, { "@context": collection["@context"], ...item }));
      expect(failures.filter((f) => !f.passed).map((f) => f.message)).toEqual([]);
    }
  });

  it("puts the same collection in the dataset package, and leaves the coder's login out of coders.csv", async () => {
    const route = await (
      await annotationsRoute.GET(new Request("http://localhost/api/dataset/annotations"), undefined)
    ).json();
    const response = await datasetRoute.GET(new Request("http://localhost/api/dataset/export"), undefined);
    const files = await readZip(new Uint8Array(await response.arrayBuffer()));
    expect(JSON.parse(files["annotations.jsonld"])).toEqual(route);
    expect(files["data/coders.csv"]).toContain("\r\nann,Ann Researcher,researcher,,,\r\n");
    expect(files["data/coders.csv"]).not.toContain("user-ann");
    expect(files["README.md"]).toMatch(/\| `annotations\.jsonld` \| 2 \|/);
  });

  it("refuses parameters it does not take", async () => {
    const response = await annotationsRoute.GET(
      new Request("http://localhost/api/dataset/annotations?page=2"),
      undefined,
    );
    expect(response.status).toBe(400);
  });
});

/**
 * The JSON twins, called as Next calls them (a Request and a params promise), against a seeded database:
 * the data, and the one error shape for unknown ids (404), malformed ids and unknown parameters (400).
 */
import * as clauseRoute from "@/app/api/clauses/[documentId]/[number]/route";
import * as dimensionsRoute from "@/app/api/dimensions/route";
import * as documentRoute from "@/app/api/documents/[id]/route";
import * as documentsRoute from "@/app/api/documents/route";
import * as partiesRoute from "@/app/api/parties/route";
import * as partyRoute from "@/app/api/parties/[id]/route";
import * as unknownRoute from "@/app/api/[...path]/route";
import { setupTestDb } from "../../helpers/test-db";
import { expectErrorShape } from "../../helpers/error-shape";

setupTestDb("seeded");

const get = (path: string) => new Request(`http://localhost${path}`);
const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });

async function json(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return response.json();
}

describe("GET /api/documents", () => {
  it("lists the 14 documents", async () => {
    const response = await documentsRoute.GET(get("/api/documents"), params({}));
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.ok).toBe(true);
    expect(body.data).toHaveLength(14);
  });

  it("answers in Japanese with lang=ja, and refuses another language", async () => {
    const body = await json(await documentsRoute.GET(get("/api/documents?lang=ja"), params({})));
    expect(body.data[0].localized.title).toEqual({ text: "米国の28項目の和平案（草案）", lang: "ja", fallback: false });
    expect(body.data[0].title).toBe("US 28-point peace plan draft");
    const bad = await documentsRoute.GET(get("/api/documents?lang=fr"), params({}));
    expect(bad.status).toBe(400);
    expectErrorShape(await json(bad), "BAD_REQUEST", /'lang'/);
  });

  it("refuses an unknown parameter with 400, naming it", async () => {
    const response = await documentsRoute.GET(get("/api/documents?sort=title"), params({}));
    expect(response.status).toBe(400);
    expectErrorShape(await json(response), "BAD_REQUEST", /sort/);
  });
});

describe("GET /api/documents/{id}", () => {
  it("returns the 28-point plan with 28 clauses, each with at least one source", async () => {
    const response = await documentRoute.GET(
      get("/api/documents/us-28-2025-11-20"),
      params({ id: "us-28-2025-11-20" }),
    );
    const body = await json(response);
    expect(response.status).toBe(200);
    expect(body.data.clauses).toHaveLength(28);
    for (const c of body.data.clauses) expect(c.sources.length).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const unknown = await documentRoute.GET(get("/api/documents/no-such-doc"), params({ id: "no-such-doc" }));
    expect(unknown.status).toBe(404);
    expectErrorShape(await json(unknown), "NOT_FOUND", /no-such-doc/);
    const malformed = await documentRoute.GET(get("/api/documents/Bad%20Id"), params({ id: "Bad Id" }));
    expect(malformed.status).toBe(400);
    expectErrorShape(await json(malformed), "BAD_REQUEST", /id/);
  });
});

describe("GET /api/clauses/{documentId}/{number}", () => {
  it("returns clause 21 with assessments, red lines and related statements", async () => {
    const response = await clauseRoute.GET(
      get("/api/clauses/us-28-2025-11-20/21"),
      params({ documentId: "us-28-2025-11-20", number: "21" }),
    );
    const body = await json(response);
    expect(response.status).toBe(200);
    expect(body.data.id).toBe("us-28-2025-11-20#21");
    expect(body.data.assessments.find((a: { partyId: string }) => a.partyId === "ua").score).toBe(-2);
    expect(body.data.redLines.find((r: { partyId: string }) => r.partyId === "ua").touched[0].dimensionId).toBe(
      "territory",
    );
    expect(body.data.relatedPositions.length).toBeGreaterThan(0);
  });

  it("finds labels that are not numbers", async () => {
    const response = await clauseRoute.GET(
      get("/api/clauses/ru-memorandum-2025-06-02/I-1"),
      params({ documentId: "ru-memorandum-2025-06-02", number: "I-1" }),
    );
    expect(response.status).toBe(200);
  });

  it("answers 404 for an unknown clause and 400 for a malformed number", async () => {
    const unknown = await clauseRoute.GET(get("/x"), params({ documentId: "us-28-2025-11-20", number: "99" }));
    expect(unknown.status).toBe(404);
    expectErrorShape(await json(unknown), "NOT_FOUND", /us-28-2025-11-20#99/);
    const malformed = await clauseRoute.GET(get("/x"), params({ documentId: "us-28-2025-11-20", number: "1;drop" }));
    expect(malformed.status).toBe(400);
    expectErrorShape(await json(malformed), "BAD_REQUEST", /number/);
  });
});

describe("parties and dimensions", () => {
  it("lists parties and a party's positions", async () => {
    const list = await json(await partiesRoute.GET(get("/api/parties"), params({})));
    expect(list.data.map((p: { id: string }) => p.id)).toEqual(["ua", "ru", "us", "eu", "nato"]);
    const ua = await json(await partyRoute.GET(get("/api/parties/ua"), params({ id: "ua" })));
    expect(ua.data.positions).toHaveLength(ua.data.positionCount);
    const missing = await partyRoute.GET(get("/api/parties/zz"), params({ id: "zz" }));
    expect(missing.status).toBe(404);
    expectErrorShape(await json(missing), "NOT_FOUND", /zz/);
  });

  it("lists the 20 dimensions", async () => {
    const body = await json(await dimensionsRoute.GET(get("/api/dimensions"), params({})));
    expect(body.data).toHaveLength(20);
  });
});

describe("an unknown API path", () => {
  it("answers 404 with the error shape", async () => {
    const response = unknownRoute.GET(get("/api/no/such/route"));
    expect(response.status).toBe(404);
    expectErrorShape(await json(response), "NOT_FOUND", /\/api\/no\/such\/route/);
  });
});

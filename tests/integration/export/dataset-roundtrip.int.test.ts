/**
 * The dataset package: exported from a seeded database (with awkward values added), checked as a Frictionless
 * package by independent readers, restored into an empty database, and compared model by model. Runs on SQLite and
 * on PostgreSQL (TEST_DATABASE_PROVIDER=postgresql).
 */
import { parse } from "csv-parse/sync";
import { strToU8, zipSync } from "fflate";
import * as datasetRoute from "@/app/api/dataset/export/route";
import { createDb, type Db } from "@/lib/data/db";
import { AppError } from "@/lib/domain/errors";
import { DATASET_TABLES } from "@/lib/domain/export/dataset-tables";
import { getCurrentReleaseId } from "@/lib/data/releases.repository";
import { restoreDataset } from "@/lib/server/export/dataset";
import { Prisma } from "@/lib/generated/sqlite/client";
import { createTestDatabase, type TTestDatabase } from "../../helpers/databases";
import { expectErrorShape } from "../../helpers/error-shape";
import { setupTestDb } from "../../helpers/test-db";
import { createAjv, readZip } from "../../unit/domain/export/readers";
import { validateFrictionlessDescriptor } from "../../unit/domain/export/frictionless";

const { db } = setupTestDb("seeded");

const AWKWARD = 'He said "no", then:\r\nline two\nline three, 領土の保全 =SUM(A1) ';

type TRow = Record<string, unknown>;

/** Every row of every model but `except`, sorted, so two databases can be compared whole. */
async function dumpEveryModel(client: Db, except: string[] = []): Promise<Record<string, TRow[]>> {
  const out: Record<string, TRow[]> = {};
  for (const model of Object.values(Prisma.ModelName).filter((m) => !except.includes(m))) {
    const delegate = (client as unknown as Record<string, { findMany(): Promise<TRow[]> }>)[
      model.charAt(0).toLowerCase() + model.slice(1)
    ];
    const rows = await delegate.findMany();
    out[model] = rows
      .map((row) => ({ key: JSON.stringify(row, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)), row }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((x) => x.row);
  }
  return out;
}

async function exportZip(): Promise<{ response: Response; bytes: Uint8Array }> {
  const response = await datasetRoute.GET(new Request("http://localhost/api/dataset/export"), undefined);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function expectAppError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
}

describe("the dataset package", () => {
  let target: TTestDatabase;
  let targetDb: Db;
  let zip: Uint8Array;
  let files: Record<string, string>;

  beforeAll(async () => {
    // Values a lossy writer or reader would spoil: quotes, CR/LF, Japanese, a formula, an empty text next to a
    // null, edit times with milliseconds, a float, an inherited assessment, a recorded release change.
    const clause = await db().clause.findFirstOrThrow({ where: { id: "us-28-2025-11-20#21" } });
    await db().clause.update({
      where: { id: clause.id },
      data: {
        note: AWKWARD,
        noteJa: "",
        version: 3,
        editedAt: new Date("2026-01-02T03:04:05.678Z"),
        reviewNote: "",
      },
    });
    await db().alignment.create({
      data: {
        id: "us-28-2025-11-20#27>e3-counter-2025-11-23#27",
        ordinal: 999,
        fromDocumentId: "us-28-2025-11-20",
        fromClauseId: "us-28-2025-11-20#27",
        toDocumentId: "e3-counter-2025-11-23",
        toClauseId: null,
        relation: "removed",
        origin: "confirmed",
        confidence: 0.1 + 0.2,
        note: AWKWARD,
      },
    });
    const assessment = await db().assessment.findFirstOrThrow({ where: { clauseId: clause.id, partyId: "ua" } });
    await db().assessment.update({
      where: { id: assessment.id },
      data: {
        status: "inherited",
        inheritedFromId: "reference:us-28-2025-11-20#20:ua",
        version: 2,
        rationaleJa: "",
        createdAt: new Date("2025-12-01T00:00:00.001Z"),
        updatedAt: new Date("2026-02-03T04:05:06.789Z"),
      },
    });
    const releaseId = (await getCurrentReleaseId(db()))!;
    await db().releaseChange.create({
      data: { releaseId, entityType: "clause", entityId: clause.id, change: "kept-edit" },
    });

    ({ bytes: zip } = await exportZip());
    files = await readZip(zip);
    target = await createTestDatabase("empty");
    targetDb = createDb(target.url);
  });

  afterAll(async () => {
    await targetDb?.$disconnect();
    await target?.drop();
  });

  it("downloads as a zip named after the release and the day", async () => {
    const { response } = await exportZip();
    const releaseId = await getCurrentReleaseId(db());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain(
      `filename="redlines-dataset_${releaseId}_${new Date().toISOString().slice(0, 10)}.zip"`,
    );
    expect(Buffer.from(zip.subarray(0, 2)).toString("latin1")).toBe("PK");
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.md",
        "annotations.jsonld",
        "datapackage.json",
        ...DATASET_TABLES.map((t) => `data/${t.name}.csv`),
      ].sort(),
    );
  });

  it("is a valid Frictionless package whose CSVs csv-parse reads, a row for every database row", async () => {
    const descriptor = JSON.parse(files["datapackage.json"]);
    expect(validateFrictionlessDescriptor(descriptor, createAjv())).toEqual([]);
    expect(descriptor.version).toBe(await getCurrentReleaseId(db()));
    for (const table of DATASET_TABLES) {
      const records = parse(files[`data/${table.name}.csv`], { columns: true }) as Record<string, string>[];
      const delegate = (db() as unknown as Record<string, { count(): Promise<number> }>)[
        table.model.charAt(0).toLowerCase() + table.model.slice(1)
      ];
      expect([table.name, records.length]).toEqual([table.name, await delegate.count()]);
      const resource = descriptor.resources.find((r: { name: string }) => r.name === table.name);
      const fields = resource.schema.fields.map((f: { name: string }) => f.name);
      expect(Object.keys(records[0] ?? Object.fromEntries(fields.map((f: string) => [f, ""])))).toEqual(fields);
    }
    const clauses = parse(files["data/clauses.csv"], { columns: true }) as Record<string, string>[];
    expect(clauses.find((c) => c.id === "us-28-2025-11-20#21")).toMatchObject({
      note: AWKWARD,
      editedAt: "2026-01-02T03:04:05.678Z",
    });
    expect(files["data/coders.csv"].split("\r\n")[0]).toBe("id,name,kind,method,methodJa,codedOn");
  });

  it("carries a README with the codebook in both languages and how to cite, and the annotations collection", () => {
    expect(files["README.md"]).toContain("## How to cite");
    expect(files["README.md"]).toContain("| `territory` | Territory | 領土 |");
    expect(files["README.md"]).toContain("レッドラインを越える");
    expect(JSON.parse(files["annotations.jsonld"])).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      total: 0,
    });
  });

  it("restores into an empty database with every row of every model identical", async () => {
    const result = await restoreDataset(zip, targetDb);
    expect(result.releaseId).toBe(await getCurrentReleaseId(db()));
    // The data version counts writes, not data: the two databases had different histories.
    const source = await dumpEveryModel(db(), ["DataVersion"]);
    const restored = await dumpEveryModel(targetDb, ["DataVersion"]);
    for (const model of Object.keys(source)) {
      expect([model, restored[model].length]).toEqual([model, source[model].length]);
      expect(restored[model]).toEqual(source[model]);
    }
    expect(source.Clause.length).toBeGreaterThan(100);
    expect(result.written.clauses).toBe(source.Clause.length);
  });

  it("refuses a database that is not empty and changes nothing", async () => {
    const before = await dumpEveryModel(targetDb);
    await expectAppError(
      restoreDataset(zip, targetDb),
      "CONFLICT",
      /The database is not empty \(releases: \d+, .*Nothing was changed\./,
    );
    expect(await dumpEveryModel(targetDb)).toEqual(before);
  });

  describe("into another empty database", () => {
    let other: TTestDatabase;
    let otherDb: Db;
    beforeAll(async () => {
      other = await createTestDatabase("empty");
      otherDb = createDb(other.url);
    });
    afterAll(async () => {
      await otherDb?.$disconnect();
      await other?.drop();
    });

    const expectEmpty = async () => {
      for (const table of DATASET_TABLES) {
        const delegate = (otherDb as unknown as Record<string, { count(): Promise<number> }>)[
          table.model.charAt(0).toLowerCase() + table.model.slice(1)
        ];
        expect([table.name, await delegate.count()]).toEqual([table.name, 0]);
      }
    };

    it("refuses what is not a zip, and writes nothing", async () => {
      await expectAppError(restoreDataset(strToU8("not a zip"), otherDb), "BAD_REQUEST", /not a readable zip archive/);
      await expectEmpty();
    });

    it("refuses a package whose rows do not hold together, naming file, row and column, and writes nothing", async () => {
      const broken = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]));
      const positions = files["data/positions.csv"].split("\r\n");
      // The last data row's party does not exist: every table before it would insert fine.
      const changed = positions[positions.length - 2].replace(/^([^,]+),[^,]+,/, "$1,xx,");
      expect(changed).not.toBe(positions[positions.length - 2]);
      positions[positions.length - 2] = changed;
      broken["data/positions.csv"] = strToU8(positions.join("\r\n"));
      await expectAppError(
        restoreDataset(zipSync(broken), otherDb),
        "BAD_REQUEST",
        /data\/positions\.csv, row \d+, partyId: 'xx' is not in data\/parties\.csv/,
      );
      await expectEmpty();
    });

    it("rolls back the whole write when the database refuses a row half-way", async () => {
      // A clause number repeated within a document passes the package checks but breaks a unique index.
      const clauses = files["data/clauses.csv"].split("\r\n");
      const last = clauses.length - 2;
      const [id, documentId] = clauses[last].split(",");
      const prior = clauses.slice(1, last).find((line) => line.split(",")[1] === documentId)!;
      const priorNumber = prior.split(",")[2];
      clauses[last] = clauses[last].replace(
        `${id},${documentId},${id.split("#")[1]},`,
        `${id},${documentId},${priorNumber},`,
      );
      expect(clauses[last]).not.toBe(files["data/clauses.csv"].split("\r\n")[last]);
      const broken = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]));
      broken["data/clauses.csv"] = strToU8(clauses.join("\r\n"));
      await expect(restoreDataset(zipSync(broken), otherDb)).rejects.toThrow();
      await expectEmpty();
    });
  });

  it("answers 409 in the error shape for a database with no release", async () => {
    const empty = await createTestDatabase("empty");
    const previous = (globalThis as unknown as { redlinesDb?: Db }).redlinesDb;
    const client = createDb(empty.url);
    (globalThis as unknown as { redlinesDb?: Db }).redlinesDb = client;
    try {
      const response = await datasetRoute.GET(new Request("http://localhost/api/dataset/export"), undefined);
      expect(response.status).toBe(409);
      expectErrorShape(await response.json(), "CONFLICT", /no dataset release/);
      const bad = await datasetRoute.GET(new Request("http://localhost/api/dataset/export?format=csv"), undefined);
      expect(bad.status).toBe(400);
      expectErrorShape(await bad.json(), "BAD_REQUEST", /'format'/);
    } finally {
      (globalThis as unknown as { redlinesDb?: Db }).redlinesDb = previous;
      await client.$disconnect();
      await empty.drop();
    }
  });
});

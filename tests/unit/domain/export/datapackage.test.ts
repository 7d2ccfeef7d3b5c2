import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/domain/errors";
import {
  DATAPACKAGE_FILE,
  DATASET_PACKAGE_FORMAT,
  toDatapackageDescriptor,
  toDatasetCsvChunks,
  toDatasetField,
  toDatasetReadme,
  toTablePath,
} from "@/lib/domain/export/datapackage";
import { readDatasetPackage } from "@/lib/domain/export/dataset-read";
import { DATASET_TABLES, sortDatasetRows, type TDatasetDump } from "@/lib/domain/export/dataset-tables";
import { Prisma } from "@/lib/generated/sqlite/client";
import { createAjv, readMarkdownTable } from "./readers";
import { validateFrictionlessDescriptor } from "./frictionless";

const OPTIONS = {
  releaseId: "2026-03",
  exportedAt: "2026-03-14T09:30:00.000Z",
  baseUrl: "https://redlines.example.org",
};
const AWKWARD = 'Say "no", then\r\nnew line\nand 領土 =SUM(1) ';

/** A small dataset whose every foreign key resolves, with the values a lossy writer would spoil. */
export function buildMiniDump(): TDatasetDump {
  const at = new Date("2026-03-01T10:20:30.456Z");
  return {
    releases: [
      {
        id: "2026-03",
        title: "Base",
        coverage: null,
        note: AWKWARD,
        noteJa: "基本リリース",
        counts: '{"documents":1}',
        appliedAt: at,
      },
    ],
    dimensions: [
      { id: "territory", ordinal: 0, label: "Territory", labelJa: "領土", description: "Land", descriptionJa: null },
    ],
    parties: [{ id: "ua", ordinal: 0, name: "Ukraine", nameJa: "ウクライナ", kind: "state", note: "", noteJa: null }],
    sources: [{ id: "src-1", url: "https://example.org/a?b=1,2", outlet: "Outlet, Inc.", date: null }],
    documents: [
      {
        id: "doc",
        ordinal: 0,
        title: "Plan",
        titleJa: null,
        date: "2025-11-20",
        origin: "US",
        originJa: null,
        completeness: "full",
        note: null,
        noteJa: null,
        releaseId: "2026-03",
        version: 2,
        editedAt: at,
        reviewNote: "",
      },
    ],
    document_sources: [{ documentId: "doc", ordinal: 0, sourceId: "src-1", note: AWKWARD }],
    clauses: ["1", "2"].map((number, ordinal) => ({
      id: `doc#${number}`,
      documentId: "doc",
      number,
      ordinal,
      heading: `-${number} heading`,
      headingJa: null,
      text: AWKWARD,
      textJa: "",
      note: null,
      noteJa: null,
      version: 1,
      editedAt: null,
      reviewNote: null,
    })),
    clause_topics: [{ clauseId: "doc#1", dimensionId: "territory", ordinal: 0 }],
    clause_sources: [{ clauseId: "doc#2", ordinal: 0, sourceId: "src-1", note: null }],
    alignments: [
      {
        id: "doc#1>doc",
        ordinal: 0,
        fromDocumentId: "doc",
        fromClauseId: "doc#1",
        toDocumentId: "doc",
        toClauseId: null,
        relation: "removed",
        note: null,
        noteJa: null,
        origin: "confirmed",
        confidence: 0.1 + 0.2,
      },
    ],
    positions: [
      {
        id: "ua-territory",
        partyId: "ua",
        actor: null,
        dimensionId: "territory",
        kind: "red-line",
        statement: AWKWARD,
        statementJa: null,
        speaker: "Zelensky",
        speakerJa: "ゼレンスキー",
        date: "2025-03-17",
        note: null,
        noteJa: null,
        releaseId: "2026-03",
        version: 1,
        editedAt: null,
        reviewNote: null,
      },
    ],
    position_clauses: [{ positionId: "ua-territory", clauseId: "doc#1", ordinal: 0 }],
    position_documents: [{ positionId: "ua-territory", documentId: "doc", ordinal: 0 }],
    position_sources: [{ positionId: "ua-territory", ordinal: 0, sourceId: "src-1", note: null }],
    coders: [
      { id: "reference", name: "Reference", kind: "reference", method: null, methodJa: null, codedOn: "2026-03-01" },
    ],
    assessments: [
      {
        id: "reference:doc#1:ua",
        clauseId: "doc#1",
        partyId: "ua",
        coderId: "reference",
        score: -2,
        rationale: AWKWARD,
        rationaleJa: null,
        confidence: "high",
        status: "inherited",
        inheritedFromId: "reference:doc#0:ua",
        version: 3,
        createdAt: at,
        updatedAt: new Date("2026-03-02T00:00:00.001Z"),
      },
      {
        id: "reference:doc#2:ua",
        clauseId: "doc#2",
        partyId: "ua",
        coderId: "reference",
        score: null,
        rationale: "",
        rationaleJa: null,
        confidence: "low",
        status: "final",
        inheritedFromId: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      },
    ],
    assessment_evidence: [{ assessmentId: "reference:doc#1:ua", positionId: "ua-territory", ordinal: 0 }],
    release_changes: [{ releaseId: "2026-03", entityType: "position", entityId: "ua-territory", change: "added" }],
  };
}

/** The package's files as the export writes them (without the zip). */
function toFiles(dump: TDatasetDump): Record<string, string> {
  const files: Record<string, string> = {
    [DATAPACKAGE_FILE]: JSON.stringify(toDatapackageDescriptor(OPTIONS)),
  };
  for (const table of DATASET_TABLES)
    files[toTablePath(table)] = [...toDatasetCsvChunks(table, dump[table.name])].join("");
  return files;
}

const sorted = (dump: TDatasetDump) =>
  Object.fromEntries(DATASET_TABLES.map((t) => [t.name, sortDatasetRows(t, dump[t.name] ?? [])]));

function expectRefused(files: Record<string, string>, message: RegExp): void {
  let error: unknown;
  try {
    readDatasetPackage(files);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("BAD_REQUEST");
  expect((error as AppError).message).toMatch(message);
}

describe("the dataset tables", () => {
  const WORKSPACE = [
    "User",
    "Session",
    "Account",
    "Verification",
    "ApiToken",
    "Annotation",
    "AnnotationTag",
    "AuditEvent",
    "Setting",
    // Bookkeeping: a count of writes that tells caches they are stale (lib/data/data-version.ts), not data.
    "DataVersion",
  ];

  it("cover every model of the research dataset, each with every column but a coder's login", () => {
    const models = Object.values(Prisma.ModelName).filter((m) => !WORKSPACE.includes(m));
    expect(DATASET_TABLES.map((t) => t.model).sort()).toEqual([...models].sort());
    const enums = Prisma as unknown as Record<string, Record<string, string>>;
    for (const table of DATASET_TABLES) {
      const columns = Object.values(enums[`${table.model}ScalarFieldEnum`]).filter(
        (c) => !(table.model === "Coder" && c === "userId"),
      );
      expect([table.name, table.fields.map((f) => f.name).sort()]).toEqual([table.name, [...columns].sort()]);
    }
  });

  it("list each table after the tables its foreign keys reference", () => {
    const seen = new Set<string>();
    for (const table of DATASET_TABLES) {
      for (const key of table.foreignKeys) {
        if (key.resource !== table.name)
          expect([table.name, key.resource, seen.has(key.resource)]).toEqual([table.name, key.resource, true]);
      }
      seen.add(table.name);
    }
  });
});

describe("datapackage.json", () => {
  const descriptor = toDatapackageDescriptor(OPTIONS);

  it("is a valid Frictionless Data Package v1 whose tabular resources have valid Table Schemas", () => {
    expect(validateFrictionlessDescriptor(JSON.parse(JSON.stringify(descriptor)), createAjv())).toEqual([]);
  });

  it("names the package, its version (the release), creation time, licence and one resource per table", () => {
    expect(descriptor).toMatchObject({
      name: "redlines",
      version: "2026-03",
      created: OPTIONS.exportedAt,
      licenses: [expect.objectContaining({ name: expect.any(String), path: expect.stringMatching(/^https:/) })],
      redlinesPackageFormat: DATASET_PACKAGE_FORMAT,
    });
    const names = descriptor.resources.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "documents",
        "clauses",
        "alignments",
        "parties",
        "dimensions",
        "positions",
        "assessments",
        "sources",
        "annotations",
      ]),
    );
    const clauses = descriptor.resources.find((r) => r.name === "clauses");
    expect(clauses).toMatchObject({
      path: "data/clauses.csv",
      schema: {
        primaryKey: "id",
        foreignKeys: [{ fields: "documentId", reference: { resource: "documents", fields: "id" } }],
      },
    });
    const topics = descriptor.resources.find((r) => r.name === "clause_topics");
    expect(topics).toMatchObject({ schema: { primaryKey: ["clauseId", "dimensionId"] } });
  });

  it("fails the validator when a descriptor breaks the spec (the check can fail)", () => {
    const broken = JSON.parse(JSON.stringify(descriptor));
    broken.name = "Red Lines";
    broken.resources[1].schema.fields[0].type = "text";
    broken.resources[2].schema.primaryKey = "nope";
    broken.resources[4].schema.foreignKeys[0].reference.resource = "missing";
    broken.resources[5].path = "../escape.csv";
    const problems = validateFrictionlessDescriptor(broken, createAjv()).join("\n");
    expect(problems).toMatch(/^\/name must match pattern/m);
    expect(problems).toMatch(/^\/resources\/1\/schema\/fields\/0\/type must be equal to one of the allowed values/m);
    expect(problems).toMatch(/^\/resources\/5\/path/m);
    expect(problems).toContain("primaryKey 'nope' is not a field");
    expect(problems).toContain("foreign key to unknown resource 'missing'");
  });
});

describe("the table CSVs", () => {
  const dump = buildMiniDump();

  it("are read by csv-parse with a header of field names and every value written in its canonical text", () => {
    for (const table of DATASET_TABLES) {
      const records = parse([...toDatasetCsvChunks(table, dump[table.name])].join("")) as string[][];
      expect(records[0]).toEqual(table.fields.map((f) => f.name));
      expect(records).toHaveLength(dump[table.name].length + 1);
    }
    const assessments = parse(
      [
        ...toDatasetCsvChunks(
          DATASET_TABLES.find((t) => t.name === "assessments")!,
          dump.assessments,
        ),
      ].join(""),
      { columns: true },
    ) as Record<string, string>[];
    expect(assessments[0]).toMatchObject({ score: "-2", rationale: AWKWARD, createdAt: "2026-03-01T10:20:30.456Z" });
    expect(assessments[1]).toMatchObject({ score: "", rationale: "" });
  });

  it('write null as an empty field and an empty text as ""', () => {
    expect(toDatasetField(null)).toBe("");
    expect(toDatasetField("")).toBe('""');
    expect(toDatasetField(0.30000000000000004)).toBe("0.30000000000000004");
    expect(toDatasetField(new Date("2026-03-01T00:00:00Z"))).toBe("2026-03-01T00:00:00.000Z");
    expect(toDatasetField('a "b", c')).toBe('"a ""b"", c"');
  });
});

describe("readDatasetPackage", () => {
  it("reads back exactly what was written: nulls, empty texts, line breaks, dates, floats", () => {
    const dump = buildMiniDump();
    const read = readDatasetPackage(toFiles(dump));
    expect(read.releaseId).toBe("2026-03");
    expect(sorted(read.dump)).toEqual(sorted(dump));
  });

  it("refuses what is not a Redlines package of this format", () => {
    expectRefused({}, /datapackage\.json is missing/);
    expectRefused({ [DATAPACKAGE_FILE]: "{" }, /datapackage\.json is not JSON/);
    const files = toFiles(buildMiniDump());
    const other = JSON.parse(files[DATAPACKAGE_FILE]);
    expectRefused(
      { ...files, [DATAPACKAGE_FILE]: JSON.stringify({ ...other, redlinesPackageFormat: 99 }) },
      /package format 99/,
    );
    other.resources[0].schema.fields.pop();
    expectRefused({ ...files, [DATAPACKAGE_FILE]: JSON.stringify(other) }, /resource 'releases' has fields/);
  });

  it("lists every problem with its file, row and column, and returns nothing", () => {
    const files = toFiles(buildMiniDump());
    const clauses = files["data/clauses.csv"].split("\r\n");
    files["data/clauses.csv"] = [
      clauses[0],
      clauses[1].replace(/^doc#1,doc,1,0,/, "doc#1,nodoc,1,zero,"),
      ...clauses.slice(2),
    ].join("\r\n");
    files["data/assessments.csv"] = files["data/assessments.csv"]
      .replace(",-2,", ",-3,")
      .replace(",high,", ",certain,");
    files["data/parties.csv"] += files["data/parties.csv"].split("\r\n")[1] + "\r\n";
    delete files["data/coders.csv"];
    expectRefused(files, /data\/coders\.csv is missing/);
    files["data/coders.csv"] = toFiles(buildMiniDump())["data/coders.csv"];
    let message = "";
    try {
      readDatasetPackage(files);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("data/clauses.csv, row 1, ordinal: 'zero' is not an integer");
    expect(message).toContain("data/assessments.csv, row 1, score: -3 is below -2");
    expect(message).toContain("data/assessments.csv, row 1, confidence: 'certain' is not one of high, medium, low");
    files["data/clauses.csv"] = files["data/clauses.csv"].replace("nodoc,1,zero,", "nodoc,1,0,");
    files["data/assessments.csv"] = toFiles(buildMiniDump())["data/assessments.csv"];
    expectRefused(
      files,
      /data\/parties\.csv, row 2: id \["ua"\] is repeated[\s\S]*data\/clauses\.csv, row 1, documentId: 'nodoc' is not in data\/documents\.csv/,
    );
  });

  it("refuses a wrong header and a short row", () => {
    const files = toFiles(buildMiniDump());
    expectRefused(
      { ...files, "data/parties.csv": files["data/parties.csv"].replace("nameJa", "name_ja") },
      /data\/parties\.csv: the header is/,
    );
    expectRefused(
      { ...files, "data/sources.csv": `${files["data/sources.csv"]}src-2,x\r\n` },
      /data\/sources\.csv, row 2: 2 fields; expected 4/,
    );
  });
});

describe("README.md", () => {
  it("carries the citation, the files with their row counts and the codebook in both languages as tables", () => {
    const readme = toDatasetReadme(buildMiniDump(), { ...OPTIONS, annotations: 4 });
    expect(readme).toContain("Dataset release 2026-03. https://redlines.example.org/api/dataset/export");
    expect(readme).toMatch(/\| `data\/clauses\.csv` \| 2 \|/);
    expect(readme).toMatch(/\| `annotations\.jsonld` \| 4 \|/);
    expect(readme).toContain("## Codebook");
    const scale = readme.slice(readme.indexOf("### Assessment scale"));
    const table = readMarkdownTable(scale);
    expect(table.header).toEqual(["Score", "Label", "ラベル", "Description", "説明"]);
    expect(table.rows[0].slice(0, 3)).toEqual(["-2", "Crosses red line", "レッドラインを越える"]);
    const dimensions = readMarkdownTable(readme.slice(readme.indexOf("### Dimensions")));
    expect(dimensions.rows).toEqual([["`territory`", "Territory", "領土", "Land", ""]]);
  });
});

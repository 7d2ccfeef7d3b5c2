/**
 * `npm run import` (scripts/import.ts) run as a process against a copy of the seeded database: a dry run prints
 * JSON and writes nothing, a save writes the document with an operator audit event, bad files are refused.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setupTestDb } from "../../helpers/test-db";

const { db, url } = setupTestDb("seeded");

const root = path.resolve(__dirname, "..", "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlines-import-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TEXT = [
  "Counter-proposal (CLI test)",
  "",
  "1. Reaffirms Ukraine's sovereignty.",
  "2. A monitoring mission supervises the ceasefire along the whole line of contact.",
].join("\n");

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function runImport(args: string[]) {
  const result = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/import.ts", ...args],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url(), NODE_OPTIONS: "" },
      timeout: 120_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const countRows = async () => ({
  documents: await db().document.count(),
  clauses: await db().clause.count(),
  alignments: await db().alignment.count(),
  assessments: await db().assessment.count(),
  audit: await db().auditEvent.count(),
});

const PROVENANCE_ARGS = [
  "--base",
  "us-28-2025-11-20",
  "--title",
  "CLI counter-proposal",
  "--date",
  "2025-12-02",
  "--source-url",
  "https://www.example.org/cli-text",
];

describe("npm run import", () => {
  it("with --dry-run --json prints the parsed clauses and the proposed alignment, and saves nothing", async () => {
    const file = write("dry.txt", TEXT);
    const before = await countRows();
    const { status, stdout, stderr } = runImport([file, ...PROVENANCE_ARGS, "--dry-run", "--json"]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.dryRun).toBe(true);
    expect(output.preview.parsed.clauses.map((c: { number: string }) => c.number)).toEqual(["1", "2"]);
    expect(output.preview.proposed).toContainEqual(
      expect.objectContaining({
        fromNumber: "1",
        toNumber: "1",
        relation: "unchanged",
        confidence: expect.any(Number),
      }),
    );
    expect(output.plan).toMatchObject({ documentId: "cli-counter-proposal-2025-12-02", conflict: false });
    expect(await countRows()).toEqual(before);
  });

  it("saves a version as an operator: document, clauses, alignments, inherited assessments, audit without actor", async () => {
    const file = write("save.txt", TEXT);
    const before = await countRows();
    const { status, stdout, stderr } = runImport([file, ...PROVENANCE_ARGS, "--completeness", "partial"]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/Saved 'cli-counter-proposal-2025-12-02': 2 clauses aligned to us-28-2025-11-20/);
    const after = await countRows();
    expect(after.documents - before.documents).toBe(1);
    expect(after.clauses - before.clauses).toBe(2);
    expect(after.alignments - before.alignments).toBe(29); // 1 unchanged, 27 removed, 1 added
    expect(after.assessments - before.assessments).toBe(5); // clause 1's reference assessments, one per party
    const document = await db().document.findUniqueOrThrow({
      where: { id: "cli-counter-proposal-2025-12-02" },
      select: { completeness: true, origin: true, sources: { select: { source: { select: { outlet: true } } } } },
    });
    expect(document.completeness).toBe("partial");
    expect(document.sources[0].source.outlet).toBe("example.org");
    expect(document.origin).toMatch(/example\.org/);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: "cli-counter-proposal-2025-12-02" } });
    expect(audit).toMatchObject({ actorId: null, action: "document:import:cli", entityType: "document" });
  });

  it.each([
    ["a file without numbered points", () => write("plain.txt", "Sovereignty.\nArmy."), /No numbered points/],
    [
      "a file that is not UTF-8",
      () => write("latin1.txt", Buffer.from([0x31, 0x2e, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a])),
      /is not UTF-8 text/,
    ],
    ["a file over 1 MB", () => write("big.txt", `1. ${"a".repeat(1024 * 1024)}`), /over the 1 MB limit/],
  ])("refuses %s with exit status 1 and saves nothing", async (_name, makeFile, message) => {
    const before = await countRows();
    const { status, stderr } = runImport([makeFile(), ...PROVENANCE_ARGS.map((a) => a.replace("CLI", "Other"))]);
    expect(status).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Nothing was saved/);
    expect(await countRows()).toEqual(before);
  });

  it("refuses a non-https source, naming the field", async () => {
    const before = await countRows();
    const args = PROVENANCE_ARGS.map((a) => (a.startsWith("https://") ? "http://example.org/x" : a));
    const { status, stderr } = runImport([write("http.txt", TEXT), ...args.map((a) => a.replace("CLI", "Http"))]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/provenance\.sources\.0\.url: Give a full https:\/\/ address/);
    expect(await countRows()).toEqual(before);
  });

  it("answers a usage error with exit status 2", () => {
    const { status, stderr } = runImport([write("usage.txt", TEXT), "--title", "No base"]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--base <docId> is required/);
  });
});

/** The export commands as a user runs them: `npm run export`, `dataset:export`, `dataset:restore` (through tsx). */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/data/db";
import { XLSX_TABLE_SHEET } from "@/lib/server/export/xlsx";
import { createTestDatabase } from "../../helpers/databases";
import { setupTestDb } from "../../helpers/test-db";
import { readXlsx } from "../../unit/domain/export/readers";

const { db, url } = setupTestDb("seeded");

// Each command starts tsx, which compiles the app's modules first: seconds per run, more under a full test run.
jest.setTimeout(240_000);

const root = path.resolve(__dirname, "..", "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

function run(script: string, args: string[], databaseUrl: string) {
  const result = spawnSync(tsx, ["--conditions=react-server", path.join("scripts", script), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, REDLINES_BASE_URL: "https://redlines.example.org" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the export commands", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlines-cli-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("npm run export -- --document … --format xlsx --out matrix.xlsx writes the matrix", async () => {
    const out = path.join(dir, "matrix.xlsx");
    const result = run("export.ts", ["--document", "us-28-2025-11-20", "--format", "xlsx", "--out", out], url());
    expect(result.stderr).toMatch(/export: wrote .*matrix\.xlsx \(28 rows, [\d,]+ bytes\)/);
    expect(result.status).toBe(0);
    const sheet = (await readXlsx(new Uint8Array(fs.readFileSync(out)))).getWorksheet(XLSX_TABLE_SHEET)!;
    expect(sheet.rowCount).toBe(29);
    expect(sheet.getCell(22, 4).value).toBe("Crosses red line");
  });

  it("takes the filter options and writes to stdout without --out", () => {
    const result = run(
      "export.ts",
      [
        "--document=us-28-2025-11-20",
        "--dimension",
        "territory",
        "--party",
        "ua",
        "--lang",
        "ja",
        "--profile",
        "plain",
        "--format",
        "csv",
      ],
      url(),
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\r\n");
    expect(lines[0]).toBe("条項,見出し,論点,ウクライナ,ウクライナ（スコア）,ウクライナ：該当するレッドライン");
    expect(lines).toHaveLength(6);
  });

  it("exits 1 with the message for a bad option, and writes no file", () => {
    const out = path.join(dir, "bad.csv");
    const bad = run("export.ts", ["--document", "us-28-2025-11-20", "--dimension", "weather", "--out", out], url());
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("Parameter 'dimension' has an unknown value 'weather'");
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".part"))).toEqual([]);
    const unknown = run("export.ts", ["--document", "us-28-2025-11-20", "--colour", "red"], url());
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Unknown option --colour");
  });

  it("dataset:export then dataset:restore into an empty database, which then refuses a second restore", async () => {
    const zip = path.join(dir, "redlines.zip");
    const exported = run("dataset-export.ts", ["--out", zip], url());
    expect(exported.stderr).toMatch(/dataset:export: wrote .*redlines\.zip \(release \S+, [\d,]+ bytes\)/);
    expect(exported.status).toBe(0);

    const empty = await createTestDatabase("empty");
    const target = createDb(empty.url);
    try {
      const restored = run("dataset-restore.ts", [zip], empty.url);
      expect(restored.stderr).toMatch(/dataset:restore: restored release \S+ from .*redlines\.zip: releases \d+/);
      expect(restored.status).toBe(0);
      expect(await target.clause.count()).toBe(await db().clause.count());
      expect(await target.assessment.count()).toBe(await db().assessment.count());

      const again = run("dataset-restore.ts", [zip], empty.url);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("The database is not empty");
      expect(await target.clause.count()).toBe(await db().clause.count());

      const missing = run("dataset-restore.ts", [path.join(dir, "nope.zip")], empty.url);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain("Cannot read");
    } finally {
      await target.$disconnect();
      await empty.drop();
    }
  });
});

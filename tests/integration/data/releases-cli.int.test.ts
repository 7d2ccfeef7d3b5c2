/** `npm run data:update` as the operator runs it (prisma/data-update.ts): output, exit code, what it writes. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setupTestDb } from "../../helpers/test-db";

const root = path.resolve(__dirname, "..", "..", "..");
const shipped = path.join(root, "prisma", "seed", "data", "updates", "2026-06-positions.json");

const { db, url } = setupTestDb("seeded");

function dataUpdate(...args: string[]) {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["prisma/data-update.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url(), CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const counts = async () => ({
  releases: (await db().release.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id),
  positions: await db().position.count(),
  changes: await db().releaseChange.count(),
});

it("refuses a malformed file with exit code 1, naming the record and field, and writes nothing", async () => {
  const bad = JSON.parse(fs.readFileSync(shipped, "utf8"));
  bad.positions[2].dimension = "Not A Slug";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlines-cli-"));
  const file = path.join(dir, "2026-06-positions.json");
  fs.writeFileSync(file, JSON.stringify(bad));
  const before = await counts();
  const run = dataUpdate(file);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("refused, nothing of the release was applied");
  expect(run.stderr).toContain("2026-06-positions.json: positions[2].dimension: must be a lowercase id");
  expect(await counts()).toEqual(before);
});

it("--dry-run prints the plan and writes nothing", async () => {
  const run = dataUpdate("--dry-run");
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("(dry run, nothing written): release 2026-06: 17 positions added, 0 changed");
  expect(await counts()).toEqual({ releases: ["2026-03"], positions: 204, changes: 0 });
});

it("applies the shipped releases, then has nothing left to do", async () => {
  const first = dataUpdate();
  expect(first.status).toBe(0);
  expect(first.stdout).toContain("release 2026-06: 17 positions added");
  expect(await counts()).toEqual({ releases: ["2026-03", "2026-06"], positions: 221, changes: 17 });
  const second = dataUpdate();
  expect(second.status).toBe(0);
  expect(second.stdout).toContain("release 2026-06 is already applied; nothing to do");
  expect(await counts()).toEqual({ releases: ["2026-03", "2026-06"], positions: 221, changes: 17 });
});

it("refuses an unknown option", () => {
  const run = dataUpdate("--force");
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("unknown option --force");
});

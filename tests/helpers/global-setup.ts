import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate, pgAdmin, pgAdminUrl, seed, testProvider, withDatabase } from "./databases";

/** Builds the `empty` and `seeded` template databases once per Jest run (see databases.ts). */
export default async function globalSetup(): Promise<void> {
  if (testProvider() === "postgresql") {
    const suffix = `${process.pid}_${Date.now()}`;
    const empty = `redlines_tpl_empty_${suffix}`;
    const seeded = `redlines_tpl_seeded_${suffix}`;
    await pgAdmin(async (c) => {
      await c.query(`CREATE DATABASE "${empty}"`);
      await c.query(`CREATE DATABASE "${seeded}"`);
    });
    migrate(withDatabase(pgAdminUrl(), empty));
    migrate(withDatabase(pgAdminUrl(), seeded));
    seed(withDatabase(pgAdminUrl(), seeded));
    process.env.REDLINES_TEMPLATE_EMPTY = empty;
    process.env.REDLINES_TEMPLATE_SEEDED = seeded;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlines-templates-"));
  const empty = path.join(dir, "empty.db");
  const seeded = path.join(dir, "seeded.db");
  migrate(`file:${empty}`);
  fs.copyFileSync(empty, seeded);
  seed(`file:${seeded}`);
  process.env.REDLINES_TEMPLATE_EMPTY = empty;
  process.env.REDLINES_TEMPLATE_SEEDED = seeded;
  process.env.REDLINES_TEMPLATE_DIR = dir;
}

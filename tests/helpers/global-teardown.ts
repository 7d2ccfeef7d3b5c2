import fs from "node:fs";
import { pgAdmin, testProvider } from "./databases";

export default async function globalTeardown(): Promise<void> {
  if (testProvider() === "postgresql") {
    const names = [process.env.REDLINES_TEMPLATE_EMPTY, process.env.REDLINES_TEMPLATE_SEEDED].filter(Boolean);
    await pgAdmin(async (c) => {
      for (const name of names) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
    return;
  }
  if (process.env.REDLINES_TEMPLATE_DIR) fs.rmSync(process.env.REDLINES_TEMPLATE_DIR, { recursive: true, force: true });
}

import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Before the browser tests: the server's database is set up (idempotent) and holds one account per role and a
 * second coder (e2e/accounts.ts). Nothing else is written: the tests create what they need.
 */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, "..");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, ["scripts/setup-db.mjs"], { cwd: root, env, stdio: "ignore" });
  execFileSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "e2e/create-accounts.ts"],
    {
      cwd: root,
      env,
      stdio: "inherit",
    },
  );
}

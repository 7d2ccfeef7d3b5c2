import { execFileSync } from "node:child_process";
import path from "node:path";
import { E2E_ROLES, e2eAccount } from "./accounts";

/** Creates the browser tests' accounts (one per role, and a second coder) in the server's database if missing. */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, "..");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, ["scripts/setup-db.mjs"], { cwd: root, env, stdio: "ignore" });
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const accounts = [
    ...E2E_ROLES.map((role) => ({ role, ...e2eAccount(role) })),
    { role: "coder", ...e2eAccount("coder", 2) },
  ];
  for (const a of accounts) {
    execFileSync(
      tsx,
      [
        "--conditions=react-server",
        "scripts/create-account.ts",
        "--name",
        a.name,
        "--email",
        a.email,
        "--password",
        a.password,
        "--role",
        a.role,
        "--if-missing",
      ],
      { cwd: root, env, stdio: "inherit" },
    );
  }
}

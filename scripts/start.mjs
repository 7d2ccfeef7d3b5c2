// `npm start`: sets up the database (migrate + seed, idempotent), builds the app when its sources changed since
// the last build, and serves it on PORT (default 3000).
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bin, resolveDatabaseUrl, root, run } from "./lib.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.DATABASE_URL = resolveDatabaseUrl();

run(process.execPath, [path.join(root, "scripts", "setup-db.mjs")]);

const BUILD_INPUTS = [
  "app",
  "lib",
  "i18n",
  "messages",
  "public",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];

function hashInputs() {
  const hash = crypto.createHash("sha256");
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (path.basename(p) === "generated") return;
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      hash.update(path.relative(root, p));
      hash.update(fs.readFileSync(p));
    }
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

const stampFile = path.join(root, ".next", "redlines-build-inputs");
const inputs = hashInputs();
const built =
  fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, "utf8") === inputs;
if (built) {
  console.log("start: the build is up to date");
} else {
  run(bin("next"), ["build"]);
  fs.writeFileSync(stampFile, inputs);
}

const port = process.env.PORT || "3000";
// No `-H`: with a hostname other than localhost, Next 16 hands the locale proxy an internal URL on "localhost",
// the rewrite then looks cross-origin and is answered as a redirect to itself (see docs/adr/0002).
const server = spawn(bin("next"), ["start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

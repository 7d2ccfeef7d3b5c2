/**
 * A throw-away PostgreSQL server for the proof runs: PROOF_PG_ADMIN_URL when given, otherwise a private cluster
 * from Debian's postgresql package, started on 127.0.0.1 in a temporary folder and removed afterwards.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

export type TPostgres = { adminUrl: string; createDatabase: (name: string) => Promise<string>; stop: () => void };

function postgresBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0)
    throw new Error("PostgreSQL is not installed (apt-get install postgresql), and PROOF_PG_ADMIN_URL is not set");
  return path.join(base, versions[0], "bin");
}

function asPostgres(command: string): void {
  const result = spawnSync("su", ["postgres", "-c", command], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
}

export async function startPostgres(port = Number(process.env.PROOF_PG_PORT ?? 5450)): Promise<TPostgres> {
  let adminUrl = process.env.PROOF_PG_ADMIN_URL;
  let stop = () => {};
  if (!adminUrl) {
    const bin = postgresBin();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "redlines-proof-pg-"));
    execFileSync("chown", ["postgres:postgres", root]);
    const data = path.join(root, "data");
    asPostgres(`${bin}/initdb -D ${data} -A trust -U postgres --no-sync >/dev/null`);
    asPostgres(
      `${bin}/pg_ctl -D ${data} -l ${root}/log -w -o '-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c max_connections=200' start >/dev/null`,
    );
    adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    stop = () => {
      spawnSync("su", ["postgres", "-c", `${bin}/pg_ctl -D ${data} -m immediate stop`]);
      fs.rmSync(root, { recursive: true, force: true });
    };
  }
  const url = adminUrl;
  return {
    adminUrl: url,
    createDatabase: async (name) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
      await client.end();
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop,
  };
}

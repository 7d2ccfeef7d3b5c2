/**
 * The write load: `writers` concurrent clients, each with its own account, for `seconds`. Each client alternates
 * an annotation (`POST /api/annotations` on a clause of the 28-point plan) and a code (`POST /api/codes`, a first
 * save of a cell). A code is unique per coder × clause × party, so each client walks its own cells (its coder is
 * its own; `cells` lists every clause × party with one evidence position of that party) and never writes a cell
 * twice, across loads too (the cursor lives in `cells`): a 409 here would be an honest refusal, counted apart and
 * never taken as acknowledged. Once a client has coded every cell it writes annotations only. Every write the
 * server acknowledged (201 with an id) is remembered, so the caller can check that each one is in the database.
 */
import { performance } from "node:perf_hooks";
import type { TProofAccount } from "./accounts";

export type TCodeCell = { clauseId: string; partyId: string; evidence: string[] };

/** The cells the clients code, and how far each account has got through them (shared by successive loads). */
export type TCodeCells = { cells: TCodeCell[]; cursor: Map<string, number> };

export type TAcknowledgedCode = { assessmentId: string; score: number };

export type TLoadResult = {
  annotations: string[];
  codes: TAcknowledgedCode[];
  codeConflicts: number;
  statuses: { annotations: Record<string, number>; codes: Record<string, number> };
  serverErrors: number;
  networkErrors: number;
  requests: number;
  seconds: number;
};

type TAnswer = { status: number; body: { data?: { id?: string; assessmentId?: string } } | null };

async function post(baseUrl: string, path: string, token: string, payload: unknown): Promise<TAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as TAnswer["body"] };
}

export async function runWriteLoad(options: {
  baseUrl: string;
  accounts: TProofAccount[];
  clauseIds: string[];
  codeCells: TCodeCells;
  seconds: number;
  /** Stop early when this resolves (the crash test kills the server meanwhile). */
  stop?: Promise<void>;
}): Promise<TLoadResult> {
  const { baseUrl, accounts, clauseIds, codeCells, seconds } = options;
  const result: TLoadResult = {
    annotations: [],
    codes: [],
    codeConflicts: 0,
    statuses: { annotations: {}, codes: {} },
    serverErrors: 0,
    networkErrors: 0,
    requests: 0,
    seconds,
  };
  const deadline = performance.now() + seconds * 1000;
  let stopped = false;
  options.stop?.then(() => {
    stopped = true;
  });
  let n = 0;
  // Half the clients start with a code, half with an annotation, so even a short run (the smoke run's crash
  // window) writes both.
  const worker = async (account: TProofAccount, index: number) => {
    let turn = index;
    while (!stopped && performance.now() < deadline) {
      const k = n++;
      const at = codeCells.cursor.get(account.userId) ?? 0;
      const cell = turn++ % 2 === 1 && at < codeCells.cells.length ? codeCells.cells[at] : null;
      // The cell is used up whatever the answer: a write lost to the crash is never retried as a first save.
      if (cell) codeCells.cursor.set(account.userId, at + 1);
      const score = (k % 5) - 2;
      result.requests++;
      try {
        const answer = cell
          ? await post(baseUrl, "/api/codes", account.token, {
              ...cell,
              score,
              rationale: `Proof code ${k} by ${account.userId}`,
              confidence: "medium",
            })
          : await post(baseUrl, "/api/annotations", account.token, {
              clauseId: clauseIds[k % clauseIds.length],
              body: `Proof note ${k} by ${account.userId}`,
              purpose: "commenting",
              visibility: "shared",
              selection: { start: 0, end: 4 },
              lang: "en",
            });
        const statuses = cell ? result.statuses.codes : result.statuses.annotations;
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        if (answer.status >= 500) result.serverErrors++;
        if (cell && answer.status === 409) result.codeConflicts++;
        if (answer.status !== 201) continue;
        if (cell && answer.body?.data?.assessmentId)
          result.codes.push({ assessmentId: answer.body.data.assessmentId, score });
        if (!cell && answer.body?.data?.id) result.annotations.push(answer.body.data.id);
      } catch {
        result.networkErrors++;
        if (stopped) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(accounts.map(worker));
  return result;
}

/**
 * Reads through both write routes before a load, so that the server has loaded their code before the clock starts
 * (a cold route takes seconds on a busy machine, which the smoke run's few seconds would otherwise mostly spend).
 */
export async function warmUpWriteRoutes(baseUrl: string, account: TProofAccount, clauseId: string): Promise<void> {
  const [documentId, number] = clauseId.split("#");
  for (const path of [
    `/api/annotations?clause=${encodeURIComponent(clauseId)}`,
    `/api/codes?document=${documentId}&clause=${number}`,
  ]) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${account.token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`warming up: ${path} answered ${response.status}`);
  }
}

/**
 * The write load: `writers` concurrent clients, each with its own account, creating annotations on the 28-point
 * plan's clauses for `seconds`. Every write the server acknowledged (201 with an id) is remembered, so the caller
 * can check that each one is in the database afterwards.
 */
import { performance } from "node:perf_hooks";
import type { TProofAccount } from "./accounts";

export type TLoadResult = {
  acknowledged: string[];
  statuses: Record<string, number>;
  serverErrors: number;
  networkErrors: number;
  requests: number;
  seconds: number;
};

export async function runWriteLoad(options: {
  baseUrl: string;
  accounts: TProofAccount[];
  clauseIds: string[];
  seconds: number;
  /** Stop early when this resolves (the crash test kills the server meanwhile). */
  stop?: Promise<void>;
}): Promise<TLoadResult> {
  const { baseUrl, accounts, clauseIds, seconds } = options;
  const result: TLoadResult = {
    acknowledged: [],
    statuses: {},
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
  const worker = async (account: TProofAccount) => {
    while (!stopped && performance.now() < deadline) {
      const clauseId = clauseIds[n++ % clauseIds.length];
      result.requests++;
      try {
        const response = await fetch(`${baseUrl}/api/annotations`, {
          method: "POST",
          headers: { authorization: `Bearer ${account.token}`, "content-type": "application/json" },
          body: JSON.stringify({
            clauseId,
            body: `Proof note ${n} by ${account.userId}`,
            purpose: "commenting",
            visibility: "shared",
            selection: { start: 0, end: 4 },
            lang: "en",
          }),
          signal: AbortSignal.timeout(30_000),
        });
        result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
        if (response.status >= 500) result.serverErrors++;
        const body = (await response.json().catch(() => null)) as { ok?: boolean; data?: { id?: string } } | null;
        if (response.status === 201 && body?.data?.id) result.acknowledged.push(body.data.id);
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

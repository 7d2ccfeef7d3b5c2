import { jsonOk } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/health: the server answers. No database work: it is also the benchmarks' floor for a trivial route. */
export function GET(): Response {
  return jsonOk({ status: "ok" });
}

import { getCompareView } from "@/lib/server/compare";
import { handle, jsonOk } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/compare?from=&to=[&party=&mode=&lang=]: two documents clause by clause: aligned pairs and merge/split
 * groups with their relation, source (reference, confirmed, proposed), confidence and word-diff segments; removed
 * and added clauses; the summary counts. The same data the compare page shows.
 */
export const GET = handle(async (request: Request) => {
  return jsonOk(await getCompareView(new URL(request.url).searchParams, { strict: true }));
});

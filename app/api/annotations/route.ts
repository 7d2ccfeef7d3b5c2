import { createAnnotation, findClauseThreads, readJsonRequest } from "@/lib/server/annotations";
import { getActor, requirePermission } from "@/lib/server/authz";
import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/annotations?clause=documentId%23number: the clause's threads the caller may see (shared, and own private). */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["clause"]);
  return jsonOk(await findClauseThreads(await getActor(request.headers), url.searchParams.get("clause")));
});

/**
 * POST /api/annotations {clauseId, body, purpose, visibility?, tags?, selection: {start, end, exact?}, lang?} or a
 * reply {parentId, body}: 201 with the annotation; 401 anonymous, 403 for a role that may not annotate, 400 naming
 * the field for bad input (nothing is written).
 */
export const POST = handle(async (request: Request) => {
  const actor = await requirePermission(request.headers, "annotation:create");
  allowOnlyParams(new URL(request.url), []);
  return jsonOk(await createAnnotation(actor, await readJsonRequest(request), new Date()), { status: 201 });
});

import { handle, jsonOk } from "@/lib/server/http";
import { requirePermission } from "@/lib/server/authz";
import { readCodeBody, saveConsensus } from "@/lib/server/coding";

export const dynamic = "force-dynamic";

/** POST /api/consensus: the adjudicated value of a cell (adjudicators, admins); 201 created, 200 changed. */
export const POST = handle(async (request: Request) => {
  const actor = await requirePermission(request.headers, "consensus:write");
  const { code, created } = await saveConsensus(actor, await readCodeBody(request));
  return jsonOk(code, { status: created ? 201 : 200 });
});

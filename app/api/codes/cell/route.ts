import { handle, jsonOk } from "@/lib/server/http";
import { requirePermission } from "@/lib/server/authz";
import { getCellCoding, requireParam } from "@/lib/server/coding";
import { allowOnlyParams, requireClauseNumber, requireSlug } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/**
 * GET /api/codes/cell?document=&clause=&party=: the coding of one cell for the caller: their code, others' under
 * the blind rule, the consensus, the positions to cite and the cell's timeline.
 */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["document", "clause", "party"]);
  const actor = await requirePermission(request.headers, "read");
  return jsonOk(
    await getCellCoding(actor, {
      documentId: requireSlug("document", requireParam(url, "document")),
      clause: requireClauseNumber("clause", requireParam(url, "clause")),
      party: requireSlug("party", requireParam(url, "party")),
    }),
  );
});

import { handle, jsonOk } from "@/lib/server/http";
import { requirePermission } from "@/lib/server/authz";
import { findVisibleCodes, readCodeBody, requireParam, saveCode } from "@/lib/server/coding";
import { allowOnlyParams, requireClauseNumber, requireSlug } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** POST /api/codes: the caller's own code of a cell; 201 when created, 200 when changed (needs `version`). */
export const POST = handle(async (request: Request) => {
  const actor = await requirePermission(request.headers, "code:write");
  const { code, created } = await saveCode(actor, await readCodeBody(request));
  return jsonOk(code, { status: created ? 201 : 200 });
});

/**
 * GET /api/codes?document=&clause=&party=: researchers' and consensus codes of a document that the caller may see
 * (their own; others' only on cells they coded, unless adjudicator or admin).
 */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["document", "clause", "party"]);
  const actor = await requirePermission(request.headers, "read");
  const clause = url.searchParams.get("clause");
  const party = url.searchParams.get("party");
  return jsonOk(
    await findVisibleCodes(actor, {
      documentId: requireSlug("document", requireParam(url, "document")),
      clause: clause ? requireClauseNumber("clause", clause) : undefined,
      party: party ? requireSlug("party", party) : undefined,
    }),
  );
});

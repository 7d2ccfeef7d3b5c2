import { requirePermission } from "@/lib/server/authz";
import { getAgreement, parseAgreementMetrics } from "@/lib/server/agreement";
import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams, requireSlug } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/**
 * GET /api/agreement?document={id}[&metric=nominal,ordinal,interval]: researchers' agreement (alpha overall, per
 * party, dimension and, without `document`, per document; kappa per pair) and the disagreements the caller may see.
 */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["document", "metric"]);
  const actor = await requirePermission(request.headers, "read");
  const document = url.searchParams.get("document");
  return jsonOk(
    await getAgreement(actor, {
      documentId: document ? requireSlug("document", document) : undefined,
      metrics: parseAgreementMetrics(url.searchParams.get("metric")),
    }),
  );
});

import { badParameter } from "@/lib/domain/errors";
import { isIsoDate } from "@/lib/domain/ids";
import { getActor } from "@/lib/server/authz";
import { handle, jsonOk } from "@/lib/server/http";
import { getCellEvidence } from "@/lib/server/matrix";
import { allowOnlyParams, requireClauseNumber, requireSlug } from "@/lib/server/params";

export const dynamic = "force-dynamic";

function required(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw badParameter(name, "is required");
  return value;
}

/** GET /api/documents/{id}/matrix/cell?clause=&party=[&coder=&asOf=&lang=]: one cell's evidence panel. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["clause", "party", "coder", "asOf", "lang"]);
  const { id } = await params;
  const asOf = url.searchParams.get("asOf") || null;
  if (asOf && !isIsoDate(asOf)) throw badParameter("asOf", `must be a date written YYYY-MM-DD (got '${asOf}')`);
  const lang = url.searchParams.get("lang") ?? "en";
  if (lang !== "en" && lang !== "ja") throw badParameter("lang", "must be en or ja");
  return jsonOk(
    await getCellEvidence(requireSlug("id", id), {
      clause: requireClauseNumber("clause", required(url, "clause")),
      party: requireSlug("party", required(url, "party")),
      coder: requireSlug("coder", url.searchParams.get("coder") || "reference"),
      asOf,
      lang,
      viewer: await getActor(request.headers),
    }),
  );
});

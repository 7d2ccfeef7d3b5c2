import { handle, jsonOk } from "@/lib/server/http";
import { withLocalizedFields } from "@/lib/domain/localize";
import { allowOnlyParams, readLang, requireSlug } from "@/lib/server/params";
import { getPartyReading } from "@/lib/server/reading";

export const dynamic = "force-dynamic";

/** GET /api/parties/{id}: a party with all its positions, newest first, each with its sources. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["lang"]);
  const lang = readLang(url);
  const { id } = await params;
  return jsonOk(withLocalizedFields(await getPartyReading(requireSlug("id", id)), lang));
});

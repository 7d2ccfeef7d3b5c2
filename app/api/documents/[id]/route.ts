import { handle, jsonOk } from "@/lib/server/http";
import { withLocalizedFields } from "@/lib/domain/localize";
import { allowOnlyParams, readLang, requireSlug } from "@/lib/server/params";
import { getDocumentReading } from "@/lib/server/reading";

export const dynamic = "force-dynamic";

/** GET /api/documents/{id}: one document with its clauses in order, each with topics and sources. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["lang"]);
  const lang = readLang(url);
  const { id } = await params;
  return jsonOk(withLocalizedFields(await getDocumentReading(requireSlug("id", id)), lang));
});

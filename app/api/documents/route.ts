import { findDocuments } from "@/lib/data/documents.repository";
import { handle, jsonOk } from "@/lib/server/http";
import { withLocalizedFields } from "@/lib/domain/localize";
import { allowOnlyParams, readLang } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/documents: every document with its date, origin, completeness, clause count and sources. */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["lang"]);
  const lang = readLang(url);
  return jsonOk(withLocalizedFields(await findDocuments(), lang));
});

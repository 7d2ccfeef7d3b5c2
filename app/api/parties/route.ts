import { findParties } from "@/lib/data/parties.repository";
import { handle, jsonOk } from "@/lib/server/http";
import { withLocalizedFields } from "@/lib/domain/localize";
import { allowOnlyParams, readLang } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/parties: every party with its number of stated positions. */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["lang"]);
  const lang = readLang(url);
  return jsonOk(withLocalizedFields(await findParties(), lang));
});

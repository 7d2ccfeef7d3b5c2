import { findParties } from "@/lib/data/parties.repository";
import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/parties: every party with its number of stated positions. */
export const GET = handle(async (request: Request) => {
  allowOnlyParams(new URL(request.url), []);
  return jsonOk(await findParties());
});

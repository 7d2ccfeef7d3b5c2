import { findDocuments } from "@/lib/data/documents.repository";
import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/documents: every document with its date, origin, completeness, clause count and sources. */
export const GET = handle(async (request: Request) => {
  allowOnlyParams(new URL(request.url), []);
  return jsonOk(await findDocuments());
});

import { EXPORT_TABLE_JSON_SCHEMA } from "@/lib/domain/export/json";
import { handle } from "@/lib/server/http";
import { allowOnlyParams } from "@/lib/server/params";

/** GET /api/export/schema: the JSON Schema (draft-07) every `format=json` table export validates against. */
export const GET = handle(async (request: Request) => {
  allowOnlyParams(new URL(request.url), []);
  return new Response(`${JSON.stringify(EXPORT_TABLE_JSON_SCHEMA, null, 2)}\n`, {
    headers: { "content-type": "application/schema+json; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
});

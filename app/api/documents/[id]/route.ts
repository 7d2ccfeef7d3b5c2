import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams, requireSlug } from "@/lib/server/params";
import { getDocumentReading } from "@/lib/server/reading";

export const dynamic = "force-dynamic";

/** GET /api/documents/{id}: one document with its clauses in order, each with topics and sources. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  allowOnlyParams(new URL(request.url), []);
  const { id } = await params;
  return jsonOk(await getDocumentReading(requireSlug("id", id)));
});

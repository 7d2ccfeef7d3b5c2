import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams, requireSlug } from "@/lib/server/params";
import { getPartyReading } from "@/lib/server/reading";

export const dynamic = "force-dynamic";

/** GET /api/parties/{id}: a party with all its positions, newest first, each with its sources. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  allowOnlyParams(new URL(request.url), []);
  const { id } = await params;
  return jsonOk(await getPartyReading(requireSlug("id", id)));
});

import { getActor } from "@/lib/server/authz";
import { handle, jsonOk } from "@/lib/server/http";
import { getMatrixView } from "@/lib/server/matrix";
import { requireSlug } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/**
 * GET /api/documents/{id}/matrix: the clause × party matrix with the page's parameters (dimension, party, score, q,
 * asOf, sort, group, coder, lang): the same rows and cells the page shows, with evidence ids. A researcher's cells
 * follow blind coding for the caller (session cookie or API token).
 */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const viewer = await getActor(request.headers);
  return jsonOk(
    await getMatrixView(requireSlug("id", id), new URL(request.url).searchParams, { strict: true, viewer }),
  );
});

import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams, requireClauseNumber, requireSlug } from "@/lib/server/params";
import { getClauseReading } from "@/lib/server/reading";

export const dynamic = "force-dynamic";

/** GET /api/clauses/{documentId}/{number}: a clause with alignments, assessments, red lines and related statements. */
export const GET = handle(
  async (request: Request, { params }: { params: Promise<{ documentId: string; number: string }> }) => {
    allowOnlyParams(new URL(request.url), []);
    const { documentId, number } = await params;
    return jsonOk(
      await getClauseReading(
        requireSlug("documentId", documentId),
        requireClauseNumber("number", decodeURIComponent(number)),
      ),
    );
  },
);

import { handle, jsonOk } from "@/lib/server/http";
import { withLocalizedFields } from "@/lib/domain/localize";
import { allowOnlyParams, readLang, requireClauseNumber, requireSlug } from "@/lib/server/params";
import { getClauseReading } from "@/lib/server/reading";

export const dynamic = "force-dynamic";

/** GET /api/clauses/{documentId}/{number}: a clause with alignments, assessments, red lines and related statements. */
export const GET = handle(
  async (request: Request, { params }: { params: Promise<{ documentId: string; number: string }> }) => {
    const url = new URL(request.url);
    allowOnlyParams(url, ["lang"]);
    const lang = readLang(url);
    const { documentId, number } = await params;
    const clause = await getClauseReading(
      requireSlug("documentId", documentId),
      requireClauseNumber("number", decodeURIComponent(number)),
    );
    return jsonOk(withLocalizedFields(clause, lang));
  },
);

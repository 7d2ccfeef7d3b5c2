import "server-only";
import { buildComparison, parseCompareQuery, type TCompareQuery, type TComparison } from "@/lib/domain/compare";
import { badParameter, notFound } from "@/lib/domain/errors";
import type { TLang } from "@/lib/domain/localize";
import type { TParamSource } from "@/lib/domain/matrix/query";
import {
  findCompareInput,
  findDocumentChoices,
  findPartyChoices,
  type TDocumentChoice,
  type TPartyChoice,
} from "@/lib/data/compare.repository";
import type { TCitation } from "@/lib/data/citations";
import { getDb } from "@/lib/data/db";

export type TCompareDocumentHead = {
  id: string;
  title: string;
  titleJa: string | null;
  date: string;
  completeness: string;
  clauseCount: number;
  sources: TCitation[];
};

export type TCompareView = {
  query: TCompareQuery;
  /** Both null when the page was opened without a choice of documents. */
  from: TCompareDocumentHead | null;
  to: TCompareDocumentHead | null;
  comparison: TComparison | null;
  documents: TDocumentChoice[];
  parties: TPartyChoice[];
};

/**
 * The comparison of two documents for the given URL parameters: what the compare page renders and its JSON twin
 * returns. `strict` (the JSON twin) refuses unknown parameters and requires both documents; the page, without
 * them, gets the pickers only. `lang` overrides the `lang` parameter (pages know theirs).
 * Throws 400 naming the parameter for a bad value, 404 for an unknown document.
 */
export async function getCompareView(
  params: TParamSource,
  { strict, lang }: { strict: boolean; lang?: TLang },
): Promise<TCompareView> {
  const query = parseCompareQuery(params, { strict, requireDocuments: strict });
  if (lang) query.lang = lang;
  const db = getDb();
  const [documents, parties] = await Promise.all([findDocumentChoices(db), findPartyChoices(db)]);
  if (query.party !== null && !parties.some((p) => p.id === query.party)) {
    throw badParameter(
      "party",
      `has an unknown value '${query.party}' (allowed: ${parties.map((p) => p.id).join(", ")})`,
    );
  }
  if (query.from === null || query.to === null)
    return { query, from: null, to: null, comparison: null, documents, parties };

  const input = await findCompareInput(query.from, query.to, query.party, db);
  if ("missing" in input) throw notFound("document", input.missing);
  const head = ({ clauses, ...d }: typeof input.from): TCompareDocumentHead => ({ ...d, clauseCount: clauses.length });
  return {
    query,
    from: head(input.from),
    to: head(input.to),
    comparison: buildComparison({
      fromDocumentId: input.from.id,
      toDocumentId: input.to.id,
      fromClauses: input.from.clauses,
      toClauses: input.to.clauses,
      alignments: input.alignments,
      lang: query.lang,
      party: query.party,
      redLinePositions: input.redLinePositions,
      assessments: input.assessments,
    }),
    documents,
    parties,
  };
}

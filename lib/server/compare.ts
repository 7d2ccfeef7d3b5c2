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
import { getDb, type Db } from "@/lib/data/db";
import { currentDataVersion } from "./read-scope";
import { createVersionedCache } from "./versioned-cache";

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

/** The document and party choices of the compare form, kept per data version (lib/server/versioned-cache.ts). */
const compareChoices = createVersionedCache<{ documents: TDocumentChoice[]; parties: TPartyChoice[] }>({
  maxEntries: 1,
});

/**
 * Comparisons kept per pair, party, language and data version: the reads, the aligner's proposals for clauses no
 * stored link covers and the word diffs are the same until the data changes. Pairs over COMPARISON_CACHE_MAX_CLAUSES
 * clauses in all are served but not kept: such a comparison weighs tens of megabytes.
 */
const COMPARISON_CACHE_MAX_CLAUSES = 4_000;
const comparisons = createVersionedCache<TCompared>({
  maxEntries: 16,
  keepIf: (c) => c.from.clauseCount + c.to.clauseCount <= COMPARISON_CACHE_MAX_CLAUSES,
});

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
  const version = await currentDataVersion(db);
  const { documents, parties } = await compareChoices.get(db, "choices", version, async () => {
    const [documents, parties] = await Promise.all([findDocumentChoices(db), findPartyChoices(db)]);
    return { documents, parties };
  });
  if (query.party !== null && !parties.some((p) => p.id === query.party)) {
    throw badParameter(
      "party",
      `has an unknown value '${query.party}' (allowed: ${parties.map((p) => p.id).join(", ")})`,
    );
  }
  if (query.from === null || query.to === null)
    return { query, from: null, to: null, comparison: null, documents, parties };
  const { from, to } = query;
  const compared = await comparisons.get(db, JSON.stringify([from, to, query.party, query.lang]), version, () =>
    compareDocuments(db, { from, to, party: query.party, lang: query.lang }),
  );
  return { query, ...compared, documents, parties };
}

type TCompared = { from: TCompareDocumentHead; to: TCompareDocumentHead; comparison: TComparison };

async function compareDocuments(
  db: Db,
  { from, to, party, lang }: { from: string; to: string; party: string | null; lang: TLang },
): Promise<TCompared> {
  const input = await findCompareInput(from, to, party, db);
  if ("missing" in input) throw notFound("document", input.missing);
  const head = ({ clauses, ...d }: typeof input.from): TCompareDocumentHead => ({ ...d, clauseCount: clauses.length });
  return {
    from: head(input.from),
    to: head(input.to),
    comparison: buildComparison({
      fromDocumentId: input.from.id,
      toDocumentId: input.to.id,
      fromClauses: input.from.clauses,
      toClauses: input.to.clauses,
      alignments: input.alignments,
      lang,
      party,
      redLinePositions: input.redLinePositions,
      assessments: input.assessments,
    }),
  };
}

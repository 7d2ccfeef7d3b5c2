import "server-only";
import { notFound } from "@/lib/domain/errors";
import { toClauseId } from "@/lib/domain/ids";
import { findRedLinesTouched, type TRedLineTouched } from "@/lib/domain/red-lines";
import { getClause, type TClauseDetail } from "@/lib/data/clauses.repository";
import { getDocument, type TDocumentDetail } from "@/lib/data/documents.repository";
import { getParty, type TPartyDetail } from "@/lib/data/parties.repository";
import { findParties } from "@/lib/data/parties.repository";
import {
  findPositionsConcerningClause,
  findRedLinePositions,
  type TPositionView,
} from "@/lib/data/positions.repository";

/**
 * The reading views' data, shared by the pages and their JSON twins so that both always show the same thing.
 * Each throws AppError NOT_FOUND for an unknown id.
 */

export async function getDocumentReading(id: string): Promise<TDocumentDetail> {
  const document = await getDocument(id);
  if (!document) throw notFound("document", id);
  return document;
}

export type TClauseReading = TClauseDetail & {
  /** For every party: the dimensions where this clause meets the party's red lines (empty list: none). */
  redLines: { partyId: string; touched: TRedLineTouched[] }[];
  /** Dated statements that name this clause or its whole document, newest first. */
  relatedPositions: TPositionView[];
};

export async function getClauseReading(documentId: string, number: string): Promise<TClauseReading> {
  const clause = await getClause(documentId, number);
  if (!clause) throw notFound("clause", toClauseId(documentId, number));
  const [parties, redLinePositions, relatedPositions] = await Promise.all([
    findParties(),
    findRedLinePositions(),
    findPositionsConcerningClause(clause.id, documentId),
  ]);
  return {
    ...clause,
    redLines: parties.map((party) => ({
      partyId: party.id,
      touched: findRedLinesTouched({ topics: clause.topics, partyId: party.id, positions: redLinePositions }),
    })),
    relatedPositions,
  };
}

export async function getPartyReading(id: string): Promise<TPartyDetail> {
  const party = await getParty(id);
  if (!party) throw notFound("party", id);
  return party;
}

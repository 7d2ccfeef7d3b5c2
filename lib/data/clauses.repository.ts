import "server-only";
import { getDb, type Db } from "./db";
import { clauseSummarySelect, toClauseSummary, type TClauseSummary } from "./documents.repository";
import { positionSelect, toPositionView, type TPositionView } from "./positions.repository";

export type TAlignedClause = {
  /** "to": this clause became the other one (later version); "from": the other one became this clause. */
  direction: "to" | "from";
  relation: string;
  note: string | null;
  noteJa: string | null;
  document: { id: string; title: string; titleJa: string | null; date: string };
  /** Null when the clause has no counterpart in that document (removed or added). */
  clause: { id: string; number: string; heading: string; headingJa: string | null } | null;
};

export type TAssessmentView = {
  id: string;
  partyId: string;
  coder: { id: string; name: string; kind: string };
  score: number | null;
  rationale: string;
  rationaleJa: string | null;
  confidence: string;
  evidence: TPositionView[];
};

export type TClauseDetail = TClauseSummary & {
  document: { id: string; title: string; titleJa: string | null; date: string; completeness: string };
  alignments: TAlignedClause[];
  assessments: TAssessmentView[];
};

const documentHeadSelect = { id: true, title: true, titleJa: true, date: true } as const;
const clauseHeadSelect = { id: true, number: true, heading: true, headingJa: true } as const;

/** One clause with everything its page shows, or null. */
export async function getClause(documentId: string, number: string, db: Db = getDb()): Promise<TClauseDetail | null> {
  const row = await db.clause.findUnique({
    where: { documentId_number: { documentId, number } },
    select: {
      ...clauseSummarySelect,
      document: { select: { ...documentHeadSelect, completeness: true } },
      alignmentsFrom: {
        select: {
          relation: true,
          note: true,
          noteJa: true,
          toDocument: { select: documentHeadSelect },
          toClause: { select: clauseHeadSelect },
        },
        orderBy: { ordinal: "asc" },
      },
      alignmentsTo: {
        select: {
          relation: true,
          note: true,
          noteJa: true,
          fromDocument: { select: documentHeadSelect },
          fromClause: { select: clauseHeadSelect },
        },
        orderBy: { ordinal: "asc" },
      },
      assessments: {
        select: {
          id: true,
          partyId: true,
          score: true,
          rationale: true,
          rationaleJa: true,
          confidence: true,
          coder: { select: { id: true, name: true, kind: true } },
          evidence: { select: { position: { select: positionSelect } }, orderBy: { ordinal: "asc" } },
          party: { select: { ordinal: true } },
        },
      },
    },
  });
  if (!row) return null;
  const { document, alignmentsFrom, alignmentsTo, assessments, ...clause } = row;
  const alignments: TAlignedClause[] = [
    ...alignmentsTo.map((a) => ({
      direction: "from" as const,
      relation: a.relation,
      note: a.note,
      noteJa: a.noteJa,
      document: a.fromDocument,
      clause: a.fromClause,
    })),
    ...alignmentsFrom.map((a) => ({
      direction: "to" as const,
      relation: a.relation,
      note: a.note,
      noteJa: a.noteJa,
      document: a.toDocument,
      clause: a.toClause,
    })),
  ];
  return {
    ...toClauseSummary(clause),
    document,
    alignments,
    assessments: assessments
      .sort((a, b) => a.party.ordinal - b.party.ordinal || a.coder.id.localeCompare(b.coder.id))
      .map(({ evidence, party: _party, ...a }) => ({
        ...a,
        evidence: evidence.map((e) => toPositionView(e.position)),
      })),
  };
}

/** One assessment of a cell by a coder, with rationale (the evidence panel loads positions separately). */
export async function getCellAssessment(clauseId: string, partyId: string, coderId: string, db: Db = getDb()) {
  return db.assessment.findUnique({
    where: { clauseId_partyId_coderId: { clauseId, partyId, coderId } },
    select: {
      id: true,
      score: true,
      rationale: true,
      rationaleJa: true,
      confidence: true,
      coder: { select: { id: true, name: true, kind: true } },
      evidence: { select: { positionId: true, position: { select: { date: true } } }, orderBy: { ordinal: "asc" } },
    },
  });
}

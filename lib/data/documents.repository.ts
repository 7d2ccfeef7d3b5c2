import "server-only";
import { getDb, type Db } from "./db";
import { citationSelect, toCitations, type TCitation } from "./citations";

export type TDocumentSummary = {
  id: string;
  title: string;
  titleJa: string | null;
  date: string;
  origin: string;
  originJa: string | null;
  completeness: string;
  note: string | null;
  noteJa: string | null;
  releaseId: string;
  clauseCount: number;
  sources: TCitation[];
};

export type TClauseSummary = {
  id: string;
  number: string;
  heading: string;
  headingJa: string | null;
  text: string;
  textJa: string | null;
  note: string | null;
  noteJa: string | null;
  topics: string[];
  sources: TCitation[];
};

export type TDocumentDetail = TDocumentSummary & { clauses: TClauseSummary[] };

const documentSelect = {
  id: true,
  title: true,
  titleJa: true,
  date: true,
  origin: true,
  originJa: true,
  completeness: true,
  note: true,
  noteJa: true,
  releaseId: true,
  sources: citationSelect,
  _count: { select: { clauses: true } },
} as const;

type TDocumentRecord = Omit<TDocumentSummary, "clauseCount" | "sources"> & {
  sources: { note: string | null; source: { outlet: string; url: string; date: string | null } }[];
  _count: { clauses: number };
};

function toDocumentSummary({ _count, sources, ...doc }: TDocumentRecord): TDocumentSummary {
  return { ...doc, clauseCount: _count.clauses, sources: toCitations(sources) };
}

export const clauseSummarySelect = {
  id: true,
  number: true,
  heading: true,
  headingJa: true,
  text: true,
  textJa: true,
  note: true,
  noteJa: true,
  topics: { select: { dimensionId: true }, orderBy: { ordinal: "asc" } },
  sources: citationSelect,
} as const;

type TClauseRecord = Omit<TClauseSummary, "topics" | "sources"> & {
  topics: { dimensionId: string }[];
  sources: { note: string | null; source: { outlet: string; url: string; date: string | null } }[];
};

export function toClauseSummary({ topics, sources, ...clause }: TClauseRecord): TClauseSummary {
  return { ...clause, topics: topics.map((t) => t.dimensionId), sources: toCitations(sources) };
}

/** All documents, in the dataset's order (the flagship plan first). */
export async function findDocuments(db: Db = getDb()): Promise<TDocumentSummary[]> {
  const rows = await db.document.findMany({ select: documentSelect, orderBy: { ordinal: "asc" } });
  return rows.map(toDocumentSummary);
}

/** One document with its clauses in order, or null. */
export async function getDocument(id: string, db: Db = getDb()): Promise<TDocumentDetail | null> {
  const row = await db.document.findUnique({
    where: { id },
    select: { ...documentSelect, clauses: { select: clauseSummarySelect, orderBy: { ordinal: "asc" } } },
  });
  if (!row) return null;
  const { clauses, ...doc } = row;
  return { ...toDocumentSummary(doc), clauses: clauses.map(toClauseSummary) };
}

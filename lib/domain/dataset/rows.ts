/**
 * Turns the reference dataset into the rows the database holds: one pure mapping, so that the seed, the dataset
 * export and the integrity tests agree on what "the dataset" is. Nothing is dropped: every source citation keeps
 * its own note and order, every Japanese text its field.
 */
import { toClauseId, toSourceId } from "../ids";
import type { TReferenceDataset, TReferenceSource } from "./reference.schema";

export type TSourceRow = { id: string; url: string; outlet: string; date: string | null };
export type TCitationRow = { ordinal: number; sourceId: string; note: string | null };

export type TDatasetRows = {
  release: { id: string; title: string };
  sources: TSourceRow[];
  documents: {
    id: string;
    ordinal: number;
    title: string;
    titleJa: string | null;
    date: string;
    origin: string;
    originJa: string | null;
    completeness: string;
    note: string | null;
    noteJa: string | null;
    releaseId: string;
  }[];
  documentSources: (TCitationRow & { documentId: string })[];
  clauses: {
    id: string;
    documentId: string;
    number: string;
    ordinal: number;
    heading: string;
    headingJa: string | null;
    text: string;
    textJa: string | null;
    note: string | null;
    noteJa: string | null;
  }[];
  clauseTopics: { clauseId: string; dimensionId: string; ordinal: number }[];
  clauseSources: (TCitationRow & { clauseId: string })[];
  alignments: {
    id: string;
    ordinal: number;
    fromDocumentId: string;
    fromClauseId: string | null;
    toDocumentId: string;
    toClauseId: string | null;
    relation: string;
    note: string | null;
    noteJa: string | null;
  }[];
  parties: {
    id: string;
    ordinal: number;
    name: string;
    nameJa: string | null;
    kind: string;
    note: string | null;
    noteJa: string | null;
  }[];
  dimensions: {
    id: string;
    ordinal: number;
    label: string;
    labelJa: string | null;
    description: string;
    descriptionJa: string | null;
  }[];
  positions: TPositionRow[];
  positionClauses: { positionId: string; clauseId: string; ordinal: number }[];
  positionDocuments: { positionId: string; documentId: string; ordinal: number }[];
  positionSources: (TCitationRow & { positionId: string })[];
  coders: {
    id: string;
    name: string;
    kind: string;
    method: string | null;
    methodJa: string | null;
    codedOn: string | null;
  }[];
  assessments: {
    id: string;
    clauseId: string;
    partyId: string;
    coderId: string;
    score: number | null;
    rationale: string;
    rationaleJa: string | null;
    confidence: string;
  }[];
  assessmentEvidence: { assessmentId: string; positionId: string; ordinal: number }[];
};

export type TPositionRow = {
  id: string;
  partyId: string;
  actor: string | null;
  dimensionId: string;
  kind: string;
  statement: string;
  statementJa: string | null;
  speaker: string;
  speakerJa: string | null;
  date: string;
  note: string | null;
  noteJa: string | null;
  releaseId: string;
};

/** Id of an alignment: its two ends, which the reference data keeps unique. */
export function toAlignmentId(from: string, to: string): string {
  return `${from}>${to}`;
}

export function toAssessmentId(coderId: string, clauseId: string, partyId: string): string {
  return `${coderId}:${clauseId}:${partyId}`;
}

/** Splits an alignment end into document and clause ("doc#3" -> clause; "doc" -> the document as a whole). */
export function splitAlignmentEnd(end: string): { documentId: string; clauseId: string | null } {
  const hash = end.indexOf("#");
  return hash < 0 ? { documentId: end, clauseId: null } : { documentId: end.slice(0, hash), clauseId: end };
}

class SourceTable {
  private readonly byId = new Map<string, TSourceRow>();

  cite(sources: TReferenceSource[]): TCitationRow[] {
    return sources.map((s, ordinal) => {
      const id = toSourceId(s.url, s.outlet, s.date);
      if (!this.byId.has(id)) this.byId.set(id, { id, url: s.url, outlet: s.outlet, date: s.date });
      return { ordinal, sourceId: id, note: s.note ?? null };
    });
  }

  rows(): TSourceRow[] {
    return [...this.byId.values()];
  }
}

export function toPositionRows(
  positions: TReferenceDataset["positions"]["positions"],
  releaseId: string,
  sources: { cite(s: TReferenceSource[]): TCitationRow[] },
): Pick<TDatasetRows, "positions" | "positionClauses" | "positionDocuments" | "positionSources"> {
  const rows: Pick<TDatasetRows, "positions" | "positionClauses" | "positionDocuments" | "positionSources"> = {
    positions: [],
    positionClauses: [],
    positionDocuments: [],
    positionSources: [],
  };
  for (const p of positions) {
    rows.positions.push({
      id: p.id,
      partyId: p.party,
      actor: p.actor ?? null,
      dimensionId: p.dimension,
      kind: p.kind,
      statement: p.statement,
      statementJa: p.statementJa,
      speaker: p.speaker,
      speakerJa: p.speakerJa,
      date: p.date,
      note: p.note ?? null,
      noteJa: null,
      releaseId,
    });
    p.relatesToClauses.forEach((clauseId, ordinal) =>
      rows.positionClauses.push({ positionId: p.id, clauseId, ordinal }),
    );
    p.relatesToDocuments.forEach((documentId, ordinal) =>
      rows.positionDocuments.push({ positionId: p.id, documentId, ordinal }),
    );
    for (const c of sources.cite(p.sources)) rows.positionSources.push({ positionId: p.id, ...c });
  }
  return rows;
}

export function toDatasetRows(ref: TReferenceDataset, release: { id: string; title: string }): TDatasetRows {
  const sources = new SourceTable();
  const rows: TDatasetRows = {
    release,
    sources: [],
    documents: [],
    documentSources: [],
    clauses: [],
    clauseTopics: [],
    clauseSources: [],
    alignments: [],
    parties: [],
    dimensions: [],
    positions: [],
    positionClauses: [],
    positionDocuments: [],
    positionSources: [],
    coders: [],
    assessments: [],
    assessmentEvidence: [],
  };

  ref.dimensions.dimensions.forEach((d, ordinal) =>
    rows.dimensions.push({
      id: d.id,
      ordinal,
      label: d.label,
      labelJa: d.labelJa,
      description: d.description,
      descriptionJa: d.descriptionJa,
    }),
  );
  ref.parties.parties.forEach((p, ordinal) =>
    rows.parties.push({
      id: p.id,
      ordinal,
      name: p.name,
      nameJa: p.nameJa,
      kind: p.kind,
      note: p.note ?? null,
      noteJa: null,
    }),
  );

  ref.documents.documents.forEach((doc, ordinal) => {
    rows.documents.push({
      id: doc.id,
      ordinal,
      title: doc.title,
      titleJa: doc.titleJa,
      date: doc.date,
      origin: doc.origin,
      originJa: doc.originJa,
      completeness: doc.completeness,
      note: doc.note,
      noteJa: null,
      releaseId: release.id,
    });
    for (const c of sources.cite(doc.sources)) rows.documentSources.push({ documentId: doc.id, ...c });
    doc.clauses.forEach((clause, clauseOrdinal) => {
      const id = toClauseId(doc.id, clause.number);
      rows.clauses.push({
        id,
        documentId: doc.id,
        number: clause.number,
        ordinal: clauseOrdinal,
        heading: clause.heading,
        headingJa: clause.headingJa,
        text: clause.summary,
        textJa: clause.summaryJa,
        note: clause.note,
        noteJa: null,
      });
      clause.topics.forEach((dimensionId, topicOrdinal) =>
        rows.clauseTopics.push({ clauseId: id, dimensionId, ordinal: topicOrdinal }),
      );
      for (const c of sources.cite(clause.sources)) rows.clauseSources.push({ clauseId: id, ...c });
    });
  });

  ref.documents.alignments.forEach((a, ordinal) => {
    const from = splitAlignmentEnd(a.from);
    const to = splitAlignmentEnd(a.to);
    rows.alignments.push({
      id: toAlignmentId(a.from, a.to),
      ordinal,
      fromDocumentId: from.documentId,
      fromClauseId: from.clauseId,
      toDocumentId: to.documentId,
      toClauseId: to.clauseId,
      relation: a.relation,
      note: a.note,
      noteJa: null,
    });
  });

  Object.assign(rows, toPositionRows(ref.positions.positions, release.id, sources));

  const codings = ref.codings;
  rows.coders.push({
    id: codings.coder,
    name: "Reference coding",
    kind: "reference",
    method: codings.method,
    methodJa: codings.methodJa,
    codedOn: codings.generatedOn,
  });
  for (const a of codings.assessments) {
    const id = toAssessmentId(codings.coder, a.clause, a.party);
    rows.assessments.push({
      id,
      clauseId: a.clause,
      partyId: a.party,
      coderId: codings.coder,
      score: a.score,
      rationale: a.rationale,
      rationaleJa: a.rationaleJa,
      confidence: a.confidence,
    });
    a.evidence.forEach((positionId, ordinal) =>
      rows.assessmentEvidence.push({ assessmentId: id, positionId, ordinal }),
    );
  }

  rows.sources = sources.rows();
  return rows;
}

/**
 * The tables of the citable dataset, described once: the package writer makes the Frictionless Table Schemas and
 * the codebook from this, the restore reads and checks the CSVs against it, and the repository reads and writes
 * the rows of each model with it. A test holds the field lists equal to the Prisma models, so a column added to
 * the schema cannot be left out of the package unnoticed.
 *
 * In scope: every table of the research dataset (releases and what they changed, sources, documents, clauses,
 * alignments, parties, dimensions, positions, coders, assessments and every join table with its order and notes).
 * Out of scope: the workspace (accounts, sessions, tokens, audit, settings) and the link from a coder to a login
 * (`Coder.userId`), which are private; annotations leave as W3C Web Annotation JSON-LD beside the tables.
 *
 * Tables are listed in the order a restore inserts them (every foreign key after the table it references).
 */
import { CONFIDENCES } from "../scale";
import { ALIGNMENT_RELATIONS, COMPLETENESS, PARTY_KINDS, POSITION_KINDS } from "../vocabulary";

/** Table Schema v1 field types used here. `date` is YYYY-MM-DD; `datetime` ISO 8601 in UTC with milliseconds. */
export type TDatasetFieldType = "string" | "integer" | "number" | "date" | "datetime" | "object";

export type TDatasetField = {
  name: string;
  type: TDatasetFieldType;
  /** False for columns that may be null. */
  required: boolean;
  description: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
};

export type TDatasetForeignKey = { field: string; resource: string; referenceField: string };

export type TDatasetTable = {
  /** Frictionless resource name and file name (data/{name}.csv). */
  name: string;
  /** The Prisma model the rows live in. */
  model: string;
  title: string;
  description: string;
  fields: readonly TDatasetField[];
  primaryKey: readonly string[];
  foreignKeys: readonly TDatasetForeignKey[];
};

export type TDatasetValue = string | number | Date | null;
export type TDatasetRow = Record<string, TDatasetValue>;
/** Rows of every table, by table name. */
export type TDatasetDump = Record<string, TDatasetRow[]>;

const s = (name: string, description: string, extra: Partial<TDatasetField> = {}): TDatasetField => ({
  name,
  type: "string",
  required: true,
  description,
  ...extra,
});
const optional = (name: string, description: string, extra: Partial<TDatasetField> = {}): TDatasetField =>
  s(name, description, { required: false, ...extra });
const int = (name: string, description: string, extra: Partial<TDatasetField> = {}): TDatasetField =>
  s(name, description, { type: "integer", ...extra });
const ja = (name: string, of: string): TDatasetField =>
  optional(name, `Japanese translation of ${of}; empty when not translated yet.`);
const fk = (field: string, resource: string, referenceField = "id"): TDatasetForeignKey => ({
  field,
  resource,
  referenceField,
});

/** Fields every editable record carries: version, the time of a researcher's edit and the review note. */
const EDITABLE: readonly TDatasetField[] = [
  int("version", "Version of the record, 1 when first loaded, raised by each edit."),
  optional("editedAt", "When a researcher last edited the record (a later release keeps the edit).", {
    type: "datetime",
  }),
  optional("reviewNote", "Why the record is flagged for review, if it is."),
];

const citationTable = (name: string, model: string, owner: string, ownerResource: string): TDatasetTable => ({
  name,
  model,
  title: `Sources cited by ${ownerResource}`,
  description: `The sources a ${owner.replace(/Id$/, "")} cites, in its order, each citation with its own note.`,
  fields: [
    s(owner, `The citing record (${ownerResource}.id).`),
    int("ordinal", "Position of the citation in the record's list, from 0."),
    s("sourceId", "The cited source (sources.id)."),
    optional("note", "What the citation supports, in the source's own terms."),
  ],
  primaryKey: [owner, "ordinal"],
  foreignKeys: [fk(owner, ownerResource), fk("sourceId", "sources")],
});

export const DATASET_TABLES: readonly TDatasetTable[] = [
  {
    name: "releases",
    model: "Release",
    title: "Dataset releases",
    description: "Each dataset release applied to this database; the newest is the dataset's version.",
    fields: [
      s("id", "Release id, a year and month (2026-03); ids sort by date."),
      s("title", "Title of the release."),
      optional("coverage", "Period the release's statements cover."),
      optional("note", "What the release holds."),
      ja("noteJa", "note"),
      s("counts", "Record counts of the release, as a JSON object.", { type: "object" }),
      s("appliedAt", "When the release was applied to the database.", { type: "datetime" }),
    ],
    primaryKey: ["id"],
    foreignKeys: [],
  },
  {
    name: "dimensions",
    model: "Dimension",
    title: "Dimensions (codebook)",
    description: "The topics clauses are tagged with and positions are stated on.",
    fields: [
      s("id", "Dimension id (a slug)."),
      int("ordinal", "Codebook order, from 0."),
      s("label", "Name of the dimension."),
      ja("labelJa", "label"),
      s("description", "What the dimension covers."),
      ja("descriptionJa", "description"),
    ],
    primaryKey: ["id"],
    foreignKeys: [],
  },
  {
    name: "parties",
    model: "Party",
    title: "Parties",
    description: "The parties whose positions are recorded and for whom clauses are assessed.",
    fields: [
      s("id", "Party id (a slug: ua, ru, us, eu, nato)."),
      int("ordinal", "Dataset order, from 0."),
      s("name", "Name of the party."),
      ja("nameJa", "name"),
      s("kind", "Kind of party.", { enum: PARTY_KINDS }),
      optional("note", "Who the party stands for in this dataset."),
      ja("noteJa", "note"),
    ],
    primaryKey: ["id"],
    foreignKeys: [],
  },
  {
    name: "sources",
    model: "Source",
    title: "Sources",
    description: "Web pages records cite: one page of one outlet; the id is a hash of url, outlet and date.",
    fields: [
      s("id", "Source id (src- and a hash of url, outlet and date)."),
      s("url", "Address of the page."),
      s("outlet", "Publisher or outlet."),
      optional("date", "Publication date, when known.", { type: "date" }),
    ],
    primaryKey: ["id"],
    foreignKeys: [],
  },
  {
    name: "documents",
    model: "Document",
    title: "Documents",
    description: "Versions of the plan and related texts (communiqués, memoranda, reported reactions).",
    fields: [
      s("id", "Document id (a slug ending in its date)."),
      int("ordinal", "Dataset order, from 0."),
      s("title", "Title of the document."),
      ja("titleJa", "title"),
      s("date", "Date of the document.", { type: "date" }),
      s("origin", "Who drafted or issued it, as reported."),
      ja("originJa", "origin"),
      s("completeness", "Whether every clause is known (full) or only some (partial).", { enum: COMPLETENESS }),
      optional("note", "Caveats about the document and its sources."),
      ja("noteJa", "note"),
      s("releaseId", "Release that added the document (releases.id)."),
      ...EDITABLE,
    ],
    primaryKey: ["id"],
    foreignKeys: [fk("releaseId", "releases")],
  },
  citationTable("document_sources", "DocumentSource", "documentId", "documents"),
  {
    name: "clauses",
    model: "Clause",
    title: "Clauses",
    description: "Numbered points of each document, in order. Texts are Redlines' summaries, not quotations.",
    fields: [
      s("id", "Clause id: documentId#number."),
      s("documentId", "The document (documents.id)."),
      s("number", "The clause's label in its document (21, r3, I-1)."),
      int("ordinal", "Position in the document, from 0."),
      s("heading", "Short heading."),
      ja("headingJa", "heading"),
      s("text", "Summary of the reported wording."),
      ja("textJa", "text"),
      optional("note", "Caveats: disputed wording, differing reports."),
      ja("noteJa", "note"),
      ...EDITABLE,
    ],
    primaryKey: ["id"],
    foreignKeys: [fk("documentId", "documents")],
  },
  {
    name: "clause_topics",
    model: "ClauseTopic",
    title: "Clause topics",
    description: "The dimensions each clause is tagged with, in the clause's order.",
    fields: [
      s("clauseId", "The clause (clauses.id)."),
      s("dimensionId", "The dimension (dimensions.id)."),
      int("ordinal", "Position in the clause's list of topics, from 0."),
    ],
    primaryKey: ["clauseId", "dimensionId"],
    foreignKeys: [fk("clauseId", "clauses"), fk("dimensionId", "dimensions")],
  },
  citationTable("clause_sources", "ClauseSource", "clauseId", "clauses"),
  {
    name: "alignments",
    model: "Alignment",
    title: "Alignments",
    description:
      "Links between clauses of two documents. A removed clause has no target clause, an added one no source clause; the document ids still name the two versions.",
    fields: [
      s("id", "Alignment id: from>to."),
      int("ordinal", "Dataset order, from 0."),
      s("fromDocumentId", "The earlier version (documents.id)."),
      optional("fromClauseId", "The clause in the earlier version (clauses.id); empty for an added clause."),
      s("toDocumentId", "The later version (documents.id)."),
      optional("toClauseId", "The clause in the later version (clauses.id); empty for a removed clause."),
      s("relation", "How the clause changed.", { enum: ALIGNMENT_RELATIONS }),
      optional("note", "What changed."),
      ja("noteJa", "note"),
      s(
        "origin",
        "reference (shipped with the dataset) or confirmed (proposed by the aligner, confirmed by a researcher).",
      ),
      optional("confidence", "The aligner's confidence (0–1) for a confirmed proposal.", { type: "number" }),
    ],
    primaryKey: ["id"],
    foreignKeys: [
      fk("fromDocumentId", "documents"),
      fk("fromClauseId", "clauses"),
      fk("toDocumentId", "documents"),
      fk("toClauseId", "clauses"),
    ],
  },
  {
    name: "positions",
    model: "Position",
    title: "Positions",
    description: "Dated statements of a party on one dimension, with the speaker and sources.",
    fields: [
      s("id", "Position id (a slug: party, dimension, date, speaker)."),
      s("partyId", "The party (parties.id)."),
      optional("actor", "The government or body within the party that spoke, when narrower than the party."),
      s("dimensionId", "The dimension (dimensions.id)."),
      s("kind", "Kind of position.", { enum: POSITION_KINDS }),
      s("statement", "What was said, summarised."),
      ja("statementJa", "statement"),
      s("speaker", "Who said it."),
      ja("speakerJa", "speaker"),
      s("date", "When it was said.", { type: "date" }),
      optional("note", "Caveats about the statement."),
      ja("noteJa", "note"),
      s("releaseId", "Release that added the position (releases.id)."),
      ...EDITABLE,
    ],
    primaryKey: ["id"],
    foreignKeys: [fk("partyId", "parties"), fk("dimensionId", "dimensions"), fk("releaseId", "releases")],
  },
  {
    name: "position_clauses",
    model: "PositionClause",
    title: "Clauses a position concerns",
    description: "The clauses a statement names, in the statement's order.",
    fields: [
      s("positionId", "The position (positions.id)."),
      s("clauseId", "The clause (clauses.id)."),
      int("ordinal", "Position in the statement's list, from 0."),
    ],
    primaryKey: ["positionId", "clauseId"],
    foreignKeys: [fk("positionId", "positions"), fk("clauseId", "clauses")],
  },
  {
    name: "position_documents",
    model: "PositionDocument",
    title: "Documents a position concerns",
    description: "The documents a statement names, in the statement's order.",
    fields: [
      s("positionId", "The position (positions.id)."),
      s("documentId", "The document (documents.id)."),
      int("ordinal", "Position in the statement's list, from 0."),
    ],
    primaryKey: ["positionId", "documentId"],
    foreignKeys: [fk("positionId", "positions"), fk("documentId", "documents")],
  },
  citationTable("position_sources", "PositionSource", "positionId", "positions"),
  {
    name: "coders",
    model: "Coder",
    title: "Coders",
    description: "Who made a set of assessments and by what method (reference, researcher or consensus).",
    fields: [
      s("id", "Coder id."),
      s("name", "Name of the coder or coding."),
      s("kind", "reference, researcher or consensus."),
      optional("method", "How the coding was done."),
      ja("methodJa", "method"),
      optional("codedOn", "When the coding was made.", { type: "date" }),
    ],
    primaryKey: ["id"],
    foreignKeys: [],
  },
  {
    name: "assessments",
    model: "Assessment",
    title: "Assessments",
    description:
      "A coder's score of a clause for a party on the scale −2..2; an empty score is 'no stated position' (see README.md).",
    fields: [
      s("id", "Assessment id: coder:clause:party."),
      s("clauseId", "The clause (clauses.id)."),
      s("partyId", "The party (parties.id)."),
      s("coderId", "The coder (coders.id)."),
      optional("score", "−2 crosses red line … 2 fulfils demand; empty: no stated position.", {
        type: "integer",
        minimum: -2,
        maximum: 2,
      }),
      s("rationale", "Why the score."),
      ja("rationaleJa", "rationale"),
      s("confidence", "The coder's confidence.", { enum: CONFIDENCES }),
      s("status", "final, or inherited (carried from an aligned clause of an earlier version, not yet reviewed)."),
      optional("inheritedFromId", "The assessment an inherited one was carried from."),
      int("version", "Version of the assessment, raised by each edit."),
      s("createdAt", "When the assessment was recorded.", { type: "datetime" }),
      s("updatedAt", "When it last changed.", { type: "datetime" }),
    ],
    primaryKey: ["id"],
    foreignKeys: [fk("clauseId", "clauses"), fk("partyId", "parties"), fk("coderId", "coders")],
  },
  {
    name: "assessment_evidence",
    model: "AssessmentEvidence",
    title: "Assessment evidence",
    description: "The positions an assessment rests on, in the coder's order.",
    fields: [
      s("assessmentId", "The assessment (assessments.id)."),
      s("positionId", "The position (positions.id)."),
      int("ordinal", "Position in the coder's list, from 0."),
    ],
    primaryKey: ["assessmentId", "positionId"],
    foreignKeys: [fk("assessmentId", "assessments"), fk("positionId", "positions")],
  },
  {
    name: "release_changes",
    model: "ReleaseChange",
    title: "Release changes",
    description: "What applying a release did to each record: added, changed, or kept a researcher's edit.",
    fields: [
      s("releaseId", "The release (releases.id)."),
      s("entityType", "document, clause, position, alignment or assessment."),
      s("entityId", "Id of the record."),
      s("change", "added, changed or kept-edit."),
    ],
    primaryKey: ["releaseId", "entityType", "entityId"],
    foreignKeys: [fk("releaseId", "releases")],
  },
];

export function getDatasetTable(name: string): TDatasetTable {
  const table = DATASET_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`No dataset table '${name}'`);
  return table;
}

/** Orders rows by primary key (code-unit order for text), so a package is the same whichever database wrote it. */
export function sortDatasetRows(table: TDatasetTable, rows: readonly TDatasetRow[]): TDatasetRow[] {
  return sortRowsByKeys(rows, table.primaryKey);
}

export function sortRowsByKeys(rows: readonly TDatasetRow[], keys: readonly string[]): TDatasetRow[] {
  const compare = (a: TDatasetValue, b: TDatasetValue): number => {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    const x = a instanceof Date ? a.getTime() : a;
    const y = b instanceof Date ? b.getTime() : b;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  };
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const c = compare(a[key] ?? null, b[key] ?? null);
      if (c !== 0) return c;
    }
    return 0;
  });
}

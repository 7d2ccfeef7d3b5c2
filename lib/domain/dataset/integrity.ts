/**
 * Cross-record checks of a dataset: every reference resolves, ids are unique, every record cites a source.
 * Returns problems as readable lines naming the record and field; an empty list means the dataset holds together.
 */
import type { z } from "zod";
import { toClauseId } from "../ids";
import { splitAlignmentEnd, toAlignmentId } from "./rows";
import { ZReferenceDataset, type TReferenceDataset } from "./reference.schema";

export type TDatasetProblem = string;

/** Formats zod issues as "file: path.to[3].field: message". */
export function describeIssues(file: string, error: z.ZodError): TDatasetProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
      .join("");
    return `${file}: ${path || "(root)"}: ${issue.message}`;
  });
}

/** Parses the raw JSON of the five files; throws nothing, returns the parsed dataset or the problems. */
export function parseReferenceDataset(
  raw: Record<keyof TReferenceDataset, unknown>,
): { ok: true; dataset: TReferenceDataset } | { ok: false; problems: TDatasetProblem[] } {
  const parsed = ZReferenceDataset.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [file, ...rest] = issue.path;
        const path = rest
          .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
          .join("");
        return `${String(file)}.json: ${path || "(root)"}: ${issue.message}`;
      }),
    };
  }
  const problems = checkReferenceIntegrity(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.data };
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

export function checkReferenceIntegrity(ref: TReferenceDataset): TDatasetProblem[] {
  const problems: TDatasetProblem[] = [];
  const documents = new Set(ref.documents.documents.map((d) => d.id));
  const clauses = new Set(ref.documents.documents.flatMap((d) => d.clauses.map((c) => toClauseId(d.id, c.number))));
  const parties = new Set(ref.parties.parties.map((p) => p.id));
  const dimensions = new Set(ref.dimensions.dimensions.map((d) => d.id));
  const positions = new Set(ref.positions.positions.map((p) => p.id));

  const unique = (file: string, what: string, ids: string[]) => {
    for (const id of duplicates(ids)) problems.push(`${file}: duplicate ${what} '${id}'`);
  };
  unique(
    "documents.json",
    "document id",
    ref.documents.documents.map((d) => d.id),
  );
  for (const d of ref.documents.documents) {
    unique(
      "documents.json",
      `clause number in ${d.id}`,
      d.clauses.map((c) => c.number),
    );
  }
  unique("parties.json", "party id", [...ref.parties.parties.map((p) => p.id)]);
  unique(
    "dimensions.json",
    "dimension id",
    ref.dimensions.dimensions.map((d) => d.id),
  );
  unique(
    "positions.json",
    "position id",
    ref.positions.positions.map((p) => p.id),
  );
  unique(
    "documents.json",
    "alignment",
    ref.documents.alignments.map((a) => toAlignmentId(a.from, a.to)),
  );
  unique(
    "codings.json",
    "assessment (clause × party)",
    ref.codings.assessments.map((a) => `${a.clause} × ${a.party}`),
  );

  ref.documents.documents.forEach((d, i) =>
    d.clauses.forEach((c, j) =>
      c.topics.forEach((t) => {
        if (!dimensions.has(t))
          problems.push(`documents.json: documents[${i}].clauses[${j}].topics: unknown dimension '${t}'`);
      }),
    ),
  );

  ref.documents.alignments.forEach((a, i) => {
    for (const [field, end] of [
      ["from", a.from],
      ["to", a.to],
    ] as const) {
      const { documentId, clauseId } = splitAlignmentEnd(end);
      if (!documents.has(documentId))
        problems.push(`documents.json: alignments[${i}].${field}: unknown document '${documentId}'`);
      else if (clauseId && !clauses.has(clauseId))
        problems.push(`documents.json: alignments[${i}].${field}: unknown clause '${clauseId}'`);
    }
    const fromClause = splitAlignmentEnd(a.from).clauseId;
    const toClause = splitAlignmentEnd(a.to).clauseId;
    if (a.relation === "removed" && (toClause || !fromClause))
      problems.push(`documents.json: alignments[${i}]: a 'removed' alignment goes from a clause to a document`);
    else if (a.relation === "added" && (fromClause || !toClause))
      problems.push(`documents.json: alignments[${i}]: an 'added' alignment goes from a document to a clause`);
    else if (a.relation !== "removed" && a.relation !== "added" && (!fromClause || !toClause))
      problems.push(`documents.json: alignments[${i}]: a '${a.relation}' alignment links two clauses`);
  });

  ref.positions.positions.forEach((p, i) => {
    const at = `positions.json: positions[${i}] (${p.id})`;
    if (!parties.has(p.party)) problems.push(`${at}.party: unknown party '${p.party}'`);
    if (!dimensions.has(p.dimension)) problems.push(`${at}.dimension: unknown dimension '${p.dimension}'`);
    for (const c of p.relatesToClauses)
      if (!clauses.has(c)) problems.push(`${at}.relatesToClauses: unknown clause '${c}'`);
    for (const d of p.relatesToDocuments)
      if (!documents.has(d)) problems.push(`${at}.relatesToDocuments: unknown document '${d}'`);
  });

  ref.codings.assessments.forEach((a, i) => {
    const at = `codings.json: assessments[${i}] (${a.clause} × ${a.party})`;
    if (!clauses.has(a.clause)) problems.push(`${at}.clause: unknown clause '${a.clause}'`);
    if (!parties.has(a.party)) problems.push(`${at}.party: unknown party '${a.party}'`);
    for (const e of a.evidence) if (!positions.has(e)) problems.push(`${at}.evidence: unknown position '${e}'`);
    for (const d of a.redLinesTouched)
      if (!dimensions.has(d)) problems.push(`${at}.redLinesTouched: unknown dimension '${d}'`);
    if (a.score === null && a.evidence.length > 0) problems.push(`${at}: 'no stated position' cites evidence`);
  });

  const scaleScores = new Set(ref.codings.scale.map((s) => s.score));
  for (const s of [-2, -1, 0, 1, 2, null])
    if (!scaleScores.has(s)) problems.push(`codings.json: scale: missing score ${s}`);

  return problems;
}

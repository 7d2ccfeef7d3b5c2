/**
 * Dataset releases after the base: parsing a release file, and planning what applying it to a database does, as a
 * pure diff of the release against the database's current records. The repository reads the state, calls
 * `planReleaseApplication` and writes the plan in one transaction; nothing here touches a database.
 *
 * Invariants of a plan: records are matched by their stable ids; a record the release carries unchanged is left as
 * it is; a record a researcher has edited (`editedAt` set) is never overwritten: when the release differs from it,
 * it is kept and flagged for review; nothing is ever deleted; researchers' annotations, assessments and audit
 * events are not part of a release at all.
 */
import { toSourceId } from "../ids";
import { describeIssues, type TDatasetProblem } from "./integrity";
import { ZReleaseFile, type TReleaseFile } from "./release.schema";
import { toPositionRows, type TCitationRow, type TPositionRow, type TSourceRow } from "./rows";
import type { TReferenceSource } from "./reference.schema";

/** A parsed release file and the name it is reported under ("2026-06-positions.json"). */
export type TReleaseInput = { file: string; data: TReleaseFile };

/** Thrown when a release cannot be applied; `problems` are readable lines naming the file, record and field. */
export class ReleaseRefusedError extends Error {
  readonly problems: TDatasetProblem[];

  constructor(problems: TDatasetProblem[]) {
    super(`The release was refused and nothing was applied:\n- ${problems.join("\n- ")}`);
    this.name = "ReleaseRefusedError";
    this.problems = problems;
  }
}

export function toReleaseTitle(releaseId: string): string {
  return `Redlines reference dataset, release ${releaseId}`;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Parses the raw JSON of one release file: the format, unique ids, and the counts it announces. */
export function parseReleaseFile(
  file: string,
  raw: unknown,
): { ok: true; release: TReleaseInput } | { ok: false; problems: TDatasetProblem[] } {
  const parsed = ZReleaseFile.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: describeIssues(file, parsed.error) };
  const data = parsed.data;
  const problems: TDatasetProblem[] = [];

  const seen = new Set<string>();
  data.positions.forEach((p, i) => {
    if (seen.has(p.id)) problems.push(`${file}: positions[${i}].id: duplicate position id '${p.id}'`);
    seen.add(p.id);
  });

  const announced = data.counts.positions;
  if (typeof announced === "number" && announced !== data.positions.length) {
    problems.push(
      `${file}: counts.positions: announces ${announced} positions, the release carries ${data.positions.length}`,
    );
  }
  const byParty = data.counts.byParty;
  if (byParty !== undefined && typeof byParty === "object") {
    const actual = countBy(data.positions, (p) => p.party);
    for (const party of new Set([...Object.keys(byParty), ...actual.keys()])) {
      const said = byParty[party] ?? 0;
      const carried = actual.get(party) ?? 0;
      if (said !== carried)
        problems.push(`${file}: counts.byParty.${party}: announces ${said}, the release carries ${carried}`);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, release: { file, data } };
}

/** One position as the database holds it: the row, its ordered links and its ordered source citations. */
export type TPositionWrite = {
  position: TPositionRow;
  clauses: { clauseId: string; ordinal: number }[];
  documents: { documentId: string; ordinal: number }[];
  sources: TCitationRow[];
};

export type TCurrentPosition = TPositionWrite & {
  version: number;
  /** Set when a researcher edited the record: a release then keeps the edit. */
  editedAt: Date | null;
  reviewNote: string | null;
};

/** What the planner needs to know about the database. */
export type TReleaseState = {
  /** Ids of the releases already applied. */
  appliedReleaseIds: string[];
  /** Ids that exist in the database, among (at least) those the release refers to. */
  existing: {
    parties: ReadonlySet<string>;
    dimensions: ReadonlySet<string>;
    clauses: ReadonlySet<string>;
    documents: ReadonlySet<string>;
    sources: ReadonlySet<string>;
  };
  /** The current version of every position the release carries that the database already holds. */
  positions: TCurrentPosition[];
};

export type TReleaseChangeKind = "added" | "changed" | "kept-edit";

export type TReleaseChangeRow = {
  releaseId: string;
  entityType: "position";
  entityId: string;
  change: TReleaseChangeKind;
};

export type TReleaseRecord = {
  id: string;
  title: string;
  coverage: string;
  note: string;
  noteJa: string;
  /** The counts the release announces, as JSON text. */
  counts: string;
};

export type TReleasePlan = {
  release: TReleaseRecord;
  /** The database already records this release: applying it again changes nothing. */
  alreadyApplied: boolean;
  added: TPositionWrite[];
  /** Records the release changes; `fields` names what differs (in the release file's terms). */
  changed: (TPositionWrite & { expectedVersion: number; fields: string[] })[];
  /** Researcher-edited records the release would change: kept as they are, with a review note. */
  keptEdits: { id: string; expectedVersion: number; fields: string[]; reviewNote: string }[];
  /** Records the release carries exactly as the database holds them. */
  unchanged: string[];
  /** Sources the release cites that the database does not hold yet (sources are shared and never rewritten). */
  newSources: TSourceRow[];
  changes: TReleaseChangeRow[];
};

export type TReleasePlanResult = { ok: true; plan: TReleasePlan } | { ok: false; problems: TDatasetProblem[] };

const SCALAR_FIELDS = [
  ["partyId", "party"],
  ["actor", "actor"],
  ["dimensionId", "dimension"],
  ["kind", "kind"],
  ["statement", "statement"],
  ["statementJa", "statementJa"],
  ["speaker", "speaker"],
  ["speakerJa", "speakerJa"],
  ["date", "date"],
  ["note", "note"],
  ["noteJa", "noteJa"],
] as const satisfies readonly (readonly [keyof TPositionRow, string])[];

/** The fields (in the release file's names) where the release's version of a position differs from the current. */
export function findChangedFields(current: TPositionWrite, next: TPositionWrite): string[] {
  const fields: string[] = SCALAR_FIELDS.filter(([key]) => current.position[key] !== next.position[key]).map(
    ([, name]) => name,
  );
  const same = <T>(a: T[], b: T[], key: (x: T) => string) =>
    a.length === b.length && a.every((x, i) => key(x) === key(b[i]));
  const byOrdinal = <T extends { ordinal: number }>(list: T[]) => [...list].sort((x, y) => x.ordinal - y.ordinal);
  if (!same(byOrdinal(current.clauses), byOrdinal(next.clauses), (c) => c.clauseId)) fields.push("relatesToClauses");
  if (!same(byOrdinal(current.documents), byOrdinal(next.documents), (d) => d.documentId))
    fields.push("relatesToDocuments");
  if (!same(byOrdinal(current.sources), byOrdinal(next.sources), (s) => `${s.sourceId}\u0000${s.note ?? ""}`))
    fields.push("sources");
  return fields;
}

function toReviewNote(releaseId: string, fields: string[], previous: string | null): string {
  const line =
    `Release ${releaseId} changes ${fields.join(", ")} of this record; the researcher's edit was kept. ` +
    `Compare it with the release and resolve.`;
  return previous ? `${previous}\n${line}` : line;
}

function checkReferences(release: TReleaseInput, state: TReleaseState): TDatasetProblem[] {
  const problems: TDatasetProblem[] = [];
  const { existing } = state;
  release.data.positions.forEach((p, i) => {
    const at = `${release.file}: positions[${i}] (${p.id})`;
    if (!existing.parties.has(p.party)) problems.push(`${at}.party: unknown party '${p.party}'`);
    if (!existing.dimensions.has(p.dimension)) problems.push(`${at}.dimension: unknown dimension '${p.dimension}'`);
    for (const c of p.relatesToClauses)
      if (!existing.clauses.has(c)) problems.push(`${at}.relatesToClauses: unknown clause '${c}'`);
    for (const d of p.relatesToDocuments)
      if (!existing.documents.has(d)) problems.push(`${at}.relatesToDocuments: unknown document '${d}'`);
  });
  return problems;
}

/** The release's positions as the rows the database holds, one entry per position, and the sources they cite. */
function toPositionWrites(release: TReleaseInput): { writes: TPositionWrite[]; sources: TSourceRow[] } {
  const sources = new Map<string, TSourceRow>();
  const cite = (list: TReferenceSource[]): TCitationRow[] =>
    list.map((s, ordinal) => {
      const id = toSourceId(s.url, s.outlet, s.date);
      if (!sources.has(id)) sources.set(id, { id, url: s.url, outlet: s.outlet, date: s.date });
      return { ordinal, sourceId: id, note: s.note ?? null };
    });
  const rows = toPositionRows(release.data.positions, release.data.release, { cite });
  const writes = rows.positions.map((position): TPositionWrite => ({
    position,
    clauses: [],
    documents: [],
    sources: [],
  }));
  const byId = new Map(writes.map((w) => [w.position.id, w]));
  for (const { positionId, ...link } of rows.positionClauses) byId.get(positionId)!.clauses.push(link);
  for (const { positionId, ...link } of rows.positionDocuments) byId.get(positionId)!.documents.push(link);
  for (const { positionId, ...citation } of rows.positionSources) byId.get(positionId)!.sources.push(citation);
  return { writes, sources: [...sources.values()] };
}

/**
 * Plans applying `release` to a database in `state`: refuses (with every problem) a release older than one already
 * applied, or one that refers to parties, dimensions, clauses or documents the database does not hold; otherwise
 * sorts each record into added, changed, kept-edit (researcher-edited and different) or unchanged.
 */
export function planReleaseApplication(state: TReleaseState, release: TReleaseInput): TReleasePlanResult {
  const { data } = release;
  const record: TReleaseRecord = {
    id: data.release,
    title: data.title ?? toReleaseTitle(data.release),
    coverage: data.coverage,
    note: data.note,
    noteJa: data.noteJa,
    counts: JSON.stringify(data.counts),
  };
  const empty: TReleasePlan = {
    release: record,
    alreadyApplied: false,
    added: [],
    changed: [],
    keptEdits: [],
    unchanged: [],
    newSources: [],
    changes: [],
  };
  if (state.appliedReleaseIds.includes(data.release)) return { ok: true, plan: { ...empty, alreadyApplied: true } };

  const problems: TDatasetProblem[] = [];
  if (state.appliedReleaseIds.length === 0) {
    problems.push(`${release.file}: release: the database holds no release yet; load the base release first`);
  } else {
    const newest = [...state.appliedReleaseIds].sort().at(-1)!;
    if (data.release < newest)
      problems.push(
        `${release.file}: release: '${data.release}' is older than the newest applied release '${newest}'; ` +
          `releases are applied in order`,
      );
  }
  problems.push(...checkReferences(release, state));
  if (problems.length) return { ok: false, problems };

  const plan = empty;
  const current = new Map(state.positions.map((p) => [p.position.id, p]));
  const { writes, sources } = toPositionWrites(release);
  const cited = new Set<string>();
  for (const next of writes) {
    const id = next.position.id;
    const now = current.get(id);
    if (!now) {
      plan.added.push(next);
      plan.changes.push({ releaseId: data.release, entityType: "position", entityId: id, change: "added" });
      for (const s of next.sources) cited.add(s.sourceId);
      continue;
    }
    const fields = findChangedFields(now, next);
    if (fields.length === 0) {
      plan.unchanged.push(id);
    } else if (now.editedAt) {
      plan.keptEdits.push({
        id,
        expectedVersion: now.version,
        fields,
        reviewNote: toReviewNote(data.release, fields, now.reviewNote),
      });
      plan.changes.push({ releaseId: data.release, entityType: "position", entityId: id, change: "kept-edit" });
    } else {
      plan.changed.push({ ...next, expectedVersion: now.version, fields });
      plan.changes.push({ releaseId: data.release, entityType: "position", entityId: id, change: "changed" });
      for (const s of next.sources) cited.add(s.sourceId);
    }
  }
  plan.newSources = sources.filter((s) => cited.has(s.id) && !state.existing.sources.has(s.id));
  return { ok: true, plan };
}

/** Every id a release refers to, so the repository can read just those. */
export function collectReleaseReferences(release: TReleaseInput): {
  positions: string[];
  clauses: string[];
  documents: string[];
  sources: string[];
} {
  const unique = (ids: string[]) => [...new Set(ids)];
  const ps = release.data.positions;
  return {
    positions: unique(ps.map((p) => p.id)),
    clauses: unique(ps.flatMap((p) => p.relatesToClauses)),
    documents: unique(ps.flatMap((p) => p.relatesToDocuments)),
    sources: unique(ps.flatMap((p) => p.sources.map((s) => toSourceId(s.url, s.outlet, s.date)))),
  };
}

/** A one-paragraph account of a plan, for the command line. */
export function summarizeReleasePlan(plan: TReleasePlan): string {
  if (plan.alreadyApplied) return `release ${plan.release.id} is already applied; nothing to do`;
  const kept = plan.keptEdits.map((k) => `  kept for review: ${k.id} (release changes ${k.fields.join(", ")})`);
  const changed = plan.changed.map((c) => `  changed: ${c.position.id} (${c.fields.join(", ")})`);
  return [
    `release ${plan.release.id}: ${plan.added.length} positions added, ${plan.changed.length} changed, ` +
      `${plan.keptEdits.length} researcher edits kept and flagged for review, ${plan.unchanged.length} unchanged, ` +
      `${plan.newSources.length} new sources`,
    ...changed,
    ...kept,
  ].join("\n");
}

/**
 * The release history as the dataset page and GET /api/releases show it: every applied release, newest first, with
 * its coverage, note, counts, what it added, changed or kept for review (each linked to where the record is read),
 * and how to cite it. Pure: the repository gives the rows, the caller gives the page's URL and the access date.
 */
import { parseClauseRef } from "../ids";
import { localize, localizeOptional, type TLang, type TLocalized } from "../localize";
import { parseCoverage } from "./release.schema";
import type { TReleaseChangeKind } from "./release";

export type TReleaseHistoryRow = {
  id: string;
  title: string;
  coverage: string | null;
  note: string | null;
  noteJa: string | null;
  /** JSON text of the counts the release announced. */
  counts: string;
  appliedAt: Date;
  changes: TReleaseChangeRecord[];
};

/** A source citation, as every record shows it. */
export type TReleaseCitationSource = { outlet: string; url: string; date: string | null; note: string | null };

/** One ReleaseChange row, with what the database holds now about a position it names (null for other records). */
export type TReleaseChangeRecord = {
  entityType: string;
  entityId: string;
  change: string;
  position: {
    partyId: string;
    dimensionId: string;
    date: string;
    statement: string;
    statementJa: string | null;
    reviewNote: string | null;
    sources: TReleaseCitationSource[];
  } | null;
};

export type TReleaseChangeView = {
  entityType: string;
  entityId: string;
  change: TReleaseChangeKind;
  /** Where the record is read in the app, or null when it no longer exists there. */
  href: string | null;
  partyId: string | null;
  dimensionId: string | null;
  date: string | null;
  statement: TLocalized | null;
  /** The position's sources, in order (every position shown carries its sources). */
  sources: TReleaseCitationSource[];
  /** For a kept edit: the review note while the record awaits review (null once a researcher resolved it). */
  reviewNote: string | null;
};

export type TReleaseCounts = {
  totals: { key: string; count: number }[];
  /** Breakdowns such as byParty: { key: "byParty", entries: [{ key: "ua", count: 7 }, ...] }. */
  breakdowns: { key: string; entries: { key: string; count: number }[] }[];
};

export type TReleaseCitation = { releaseId: string; title: string; url: string; accessed: string; text: string };

export type TReleaseView = {
  id: string;
  title: string;
  appliedAt: string;
  coverage: { text: string; from: string | null; to: string | null } | null;
  note: TLocalized | null;
  counts: TReleaseCounts;
  /** The first release: every record in it is new, so it lists no individual changes. */
  isBase: boolean;
  /** The newest applied release: the one every page shows. */
  isCurrent: boolean;
  summary: Record<TReleaseChangeKind, number>;
  changes: TReleaseChangeView[];
  citation: TReleaseCitation;
};

export type TReleaseHistory = { current: string | null; releases: TReleaseView[] };

const CHANGE_ORDER: TReleaseChangeKind[] = ["added", "changed", "kept-edit"];

function isChangeKind(value: string): value is TReleaseChangeKind {
  return (CHANGE_ORDER as string[]).includes(value);
}

/** Parses the stored counts; anything that is not a count is left out rather than shown wrong. */
export function parseReleaseCounts(json: string): TReleaseCounts {
  const counts: TReleaseCounts = { totals: [], breakdowns: [] };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return counts;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return counts;
  const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
  for (const [key, v] of Object.entries(value)) {
    if (isCount(v)) counts.totals.push({ key, count: v });
    else if (v && typeof v === "object" && !Array.isArray(v)) {
      const entries = Object.entries(v).flatMap(([k, n]) => (isCount(n) ? [{ key: k, count: n }] : []));
      if (entries.length) counts.breakdowns.push({ key, entries });
    }
  }
  return counts;
}

/** The page in the app where a changed record is read. */
export function toReleaseChangeHref(entityType: string, entityId: string, partyId: string | null): string | null {
  switch (entityType) {
    case "position":
      return partyId ? `/parties/${partyId}#position-${entityId}` : null;
    case "document":
      return `/documents/${entityId}`;
    case "clause": {
      const ref = parseClauseRef(entityId);
      return ref ? `/clauses/${ref.documentId}/${ref.number}` : null;
    }
    default:
      return null;
  }
}

export function toReleaseCitation(
  release: { id: string; title: string; coverage: string | null },
  { pageUrl, accessed }: { pageUrl: string; accessed: string },
): TReleaseCitation {
  const url = `${pageUrl}#release-${release.id}`;
  const named = release.title.includes(release.id) ? "" : `, release ${release.id}`;
  const coverage = release.coverage ? `, covering ${release.coverage}` : "";
  return {
    releaseId: release.id,
    title: release.title,
    url,
    accessed,
    text: `Redlines (${release.id.slice(0, 4)}). ${release.title} [Data set]${named}${coverage}. ${url}. Accessed ${accessed}.`,
  };
}

function toChangeView(change: TReleaseChangeRecord, lang: TLang): TReleaseChangeView | null {
  if (!isChangeKind(change.change)) return null;
  const p = change.position;
  return {
    entityType: change.entityType,
    entityId: change.entityId,
    change: change.change,
    href: toReleaseChangeHref(change.entityType, change.entityId, p?.partyId ?? null),
    partyId: p?.partyId ?? null,
    dimensionId: p?.dimensionId ?? null,
    date: p?.date ?? null,
    statement: p ? localize(lang, p.statement, p.statementJa) : null,
    sources: p?.sources ?? [],
    reviewNote: change.change === "kept-edit" ? (p?.reviewNote ?? null) : null,
  };
}

/** Builds the history, newest release first; changes by kind (added, changed, kept), then newest statement first. */
export function buildReleaseHistory(
  rows: TReleaseHistoryRow[],
  { lang, pageUrl, accessed }: { lang: TLang; pageUrl: string; accessed: string },
): TReleaseHistory {
  const ordered = [...rows].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const releases = ordered.map((r, index): TReleaseView => {
    const changes = r.changes
      .flatMap((c) => toChangeView(c, lang) ?? [])
      .sort(
        (a, b) =>
          CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change) ||
          (b.date ?? "").localeCompare(a.date ?? "") ||
          a.entityId.localeCompare(b.entityId),
      );
    const summary = { added: 0, changed: 0, "kept-edit": 0 };
    for (const c of changes) summary[c.change] += 1;
    const span = r.coverage ? parseCoverage(r.coverage) : null;
    return {
      id: r.id,
      title: r.title,
      appliedAt: r.appliedAt.toISOString(),
      coverage: r.coverage ? { text: r.coverage, from: span?.from ?? null, to: span?.to ?? null } : null,
      note: localizeOptional(lang, r.note, r.noteJa),
      counts: parseReleaseCounts(r.counts),
      isBase: index === ordered.length - 1,
      isCurrent: index === 0,
      summary,
      changes,
      citation: toReleaseCitation(r, { pageUrl, accessed }),
    };
  });
  return { current: releases[0]?.id ?? null, releases };
}

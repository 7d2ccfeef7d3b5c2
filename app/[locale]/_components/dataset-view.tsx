import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { findDimensions } from "@/lib/data/dimensions.repository";
import { findParties } from "@/lib/data/parties.repository";
import { findReleaseHistory } from "@/lib/data/releases.repository";
import { buildReleaseHistory, type TReleaseChangeView, type TReleaseView } from "@/lib/domain/dataset/release-history";
import type { TReleaseChangeKind } from "@/lib/domain/dataset/release";
import { localize, type TLang } from "@/lib/domain/localize";
import { getDateFormatter } from "./format-server";
import { LocalizedText } from "./localized-text";
import { DatasetDownload } from "./export/dataset-download";
import { SourceList } from "./source-list";
import "../../dataset.css";

const KNOWN_COUNTS = [
  "documents",
  "clauses",
  "alignments",
  "parties",
  "dimensions",
  "positions",
  "assessments",
  "sources",
] as const;
const CHANGE_KINDS: TReleaseChangeKind[] = ["added", "changed", "kept-edit"];

/** The page's own address, as the reader reached it, for the citation. */
async function getPageUrl(lang: TLang): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}${lang === "ja" ? "/ja" : ""}/dataset`;
}

/** Every applied release, newest first: coverage, note, counts, what it changed (linked) and how to cite it. */
export async function DatasetView() {
  const lang = (await getLocale()) as TLang;
  const [t, rows, parties, dimensions, formatDate, pageUrl] = await Promise.all([
    getTranslations(),
    findReleaseHistory(),
    findParties(),
    findDimensions(),
    getDateFormatter(),
    getPageUrl(lang),
  ]);
  const history = buildReleaseHistory(rows, { lang, pageUrl, accessed: new Date().toISOString().slice(0, 10) });
  const untranslated = t("Site.untranslated");
  const partyNames = new Map(parties.map((p) => [p.id, localize(lang, p.name, p.nameJa).text]));
  const dimensionLabels = new Map(dimensions.map((d) => [d.id, localize(lang, d.label, d.labelJa).text]));
  const day = (iso: string) => formatDate(iso.slice(0, 10), iso);

  const countLabel = (key: string, count: number) =>
    (KNOWN_COUNTS as readonly string[]).includes(key)
      ? t(`Dataset.countOf.${key as (typeof KNOWN_COUNTS)[number]}`, { count })
      : t("Dataset.otherCount", { name: key, count });

  const changeItem = (c: TReleaseChangeView) => {
    const party = c.partyId ? (partyNames.get(c.partyId) ?? c.partyId) : null;
    const dimension = c.dimensionId ? (dimensionLabels.get(c.dimensionId) ?? c.dimensionId) : null;
    const label = [party, dimension, c.date ? formatDate(c.date, c.date) : null].filter(Boolean).join(" · ");
    return (
      <li key={`${c.entityType}:${c.entityId}`} className="release-change">
        {c.href ? (
          <Link href={c.href}>{label || c.entityId}</Link>
        ) : (
          <span>
            {c.entityId} <span className="muted">({t("Dataset.missingRecord")})</span>
          </span>
        )}{" "}
        <code className="muted">{c.entityId}</code>
        {c.statement ? (
          <span className="release-change-statement">
            <LocalizedText value={c.statement} untranslatedLabel={untranslated} />
          </span>
        ) : null}
        {c.sources.length ? <SourceList sources={c.sources} compact /> : null}
        {c.change === "kept-edit" ? (
          <span className="release-review">
            <strong>{c.reviewNote ? t("Dataset.awaitingReview") : t("Dataset.reviewed")}</strong>
            {c.reviewNote ? <span lang="en"> {c.reviewNote}</span> : null}
          </span>
        ) : null}
      </li>
    );
  };

  const releaseSection = (r: TReleaseView) => {
    const headingId = `release-heading-${r.id}`;
    return (
      <section key={r.id} id={`release-${r.id}`} aria-labelledby={headingId} className="dataset-release">
        <h2 id={headingId}>
          {t("Dataset.releaseHeading", { id: r.id })}
          {r.isCurrent ? <span className="release-badge release-badge-current">{t("Dataset.current")}</span> : null}
          {r.isBase ? <span className="release-badge">{t("Dataset.base")}</span> : null}
        </h2>
        <p className="muted" lang="en">
          {r.title}
        </p>
        <dl className="facts">
          <dt>{t("Dataset.applied")}</dt>
          <dd>
            <time dateTime={r.appliedAt}>{day(r.appliedAt)}</time>
          </dd>
          {r.coverage ? (
            <>
              <dt>{t("Dataset.coverage")}</dt>
              <dd>
                {r.coverage.from && r.coverage.to
                  ? t("Dataset.coverageRange", {
                      from: formatDate(r.coverage.from, r.coverage.from),
                      to: formatDate(r.coverage.to, r.coverage.to),
                    })
                  : r.coverage.text}
              </dd>
            </>
          ) : null}
          <dt>{t("Dataset.counts")}</dt>
          <dd>
            <ul className="release-counts">
              {r.counts.totals.map((c) => (
                <li key={c.key}>{countLabel(c.key, c.count)}</li>
              ))}
            </ul>
            {r.counts.breakdowns.map((b) => (
              <p key={b.key} className="release-breakdown">
                {b.key === "byParty" ? t("Dataset.byParty") : b.key}:{" "}
                {b.entries
                  .map((e) => `${b.key === "byParty" ? (partyNames.get(e.key) ?? e.key) : e.key} ${e.count}`)
                  .join(", ")}
              </p>
            ))}
          </dd>
        </dl>
        {r.note ? (
          <>
            <h3>{t("Dataset.note")}</h3>
            <p className="release-note">
              <LocalizedText value={r.note} untranslatedLabel={untranslated} />
            </p>
          </>
        ) : null}
        <h3>{t("Dataset.whatChanged")}</h3>
        {r.isBase && r.changes.length === 0 ? (
          <p>{t("Dataset.baseChanges")}</p>
        ) : r.changes.length === 0 ? (
          <p>{t("Dataset.noChanges")}</p>
        ) : (
          <>
            <p>
              {t("Dataset.summary", {
                added: r.summary.added,
                changed: r.summary.changed,
                kept: r.summary["kept-edit"],
              })}
            </p>
            {CHANGE_KINDS.map((kind) => {
              const list = r.changes.filter((c) => c.change === kind);
              if (list.length === 0) return null;
              return (
                <section key={kind} aria-label={`${t(`Dataset.change.${kind}`)} (${r.id})`}>
                  <h4>
                    {t(`Dataset.change.${kind}`)} ({list.length})
                  </h4>
                  {kind === "kept-edit" ? <p className="muted">{t("Dataset.keptExplain")}</p> : null}
                  <ul className={`release-changes release-changes-${kind}`}>{list.map(changeItem)}</ul>
                </section>
              );
            })}
          </>
        )}
        <h3>{t("Dataset.cite")}</h3>
        <p>{t("Dataset.citeLead")}</p>
        <p className="release-citation" lang="en">
          {r.citation.text}
        </p>
        <dl className="facts">
          <dt>{t("Dataset.citeRelease")}</dt>
          <dd>{r.citation.releaseId}</dd>
          <dt>{t("Dataset.citeTitle")}</dt>
          <dd lang="en">{r.citation.title}</dd>
          <dt>{t("Dataset.citeUrl")}</dt>
          <dd>
            <a href={r.citation.url}>{r.citation.url}</a>
          </dd>
          <dt>{t("Dataset.citeAccessed")}</dt>
          <dd>
            <time dateTime={r.citation.accessed}>{r.citation.accessed}</time>
          </dd>
        </dl>
      </section>
    );
  };

  return (
    <div className="page dataset-page">
      <h1>{t("Dataset.title")}</h1>
      <p className="lead">{t("Dataset.lead")}</p>
      <DatasetDownload />
      <p>
        <a href={`/api/releases${lang === "ja" ? "?lang=ja" : ""}`}>{t("Dataset.jsonTwin")}</a>
      </p>
      {history.releases.length === 0 ? <p>{t("Dataset.noReleases")}</p> : null}
      {history.releases.length > 1 ? (
        <nav aria-label={t("Dataset.contents")} className="toc">
          <ul>
            {history.releases.map((r) => (
              <li key={r.id}>
                <a href={`#release-${r.id}`}>{t("Dataset.releaseHeading", { id: r.id })}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {history.releases.map(releaseSection)}
    </div>
  );
}

import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type {
  TCompareEntry,
  TCompareLink,
  TCompareMode,
  TCompareSide,
  TCompareUnmatched,
  TPartyChange,
  TPartyScore,
} from "@/lib/domain/compare";
import type { TLang } from "@/lib/domain/localize";
import { LocalizedText } from "../localized-text";
import { ScoreBadge } from "../score-badge";
import { SourceList } from "../source-list";
import { DiffText } from "./diff-text";

type TDocs = { fromId: string; toId: string; fromTitle: string; toTitle: string };

/** Relation, where the link comes from, and the aligner's confidence when there is one. */
function LinkBadges({ relation, links }: { relation: string; links: TCompareLink[] }) {
  const t = useTranslations();
  const source = links.some((l) => l.source === "proposed") ? "proposed" : links[0].source;
  const confidences = links.flatMap((l) => (l.confidence === null ? [] : [l.confidence]));
  return (
    <span className="compare-badges">
      <span className={`relation-badge relation-${relation}`}>{t(`Clause.relation.${relation as "unchanged"}`)}</span>{" "}
      <span className={`source-badge source-${source}`}>{t(`Compare.source.${source}`)}</span>
      {confidences.length > 0 ? (
        <span className="muted">
          {" "}
          · {t("Compare.confidence", { value: `${Math.round(Math.min(...confidences) * 100)}%` })}
        </span>
      ) : null}
    </span>
  );
}

function Notes({ links }: { links: TCompareLink[] }) {
  const t = useTranslations();
  const notes = links.flatMap((l) => (l.note ? [l.note] : []));
  if (notes.length === 0) return null;
  const untranslated = t("Site.untranslated");
  return (
    <>
      {notes.map((note, k) => (
        <p key={k} className="alignment-note">
          {t("Compare.note")}: <LocalizedText value={note} untranslatedLabel={untranslated} />
        </p>
      ))}
    </>
  );
}

function ClauseHead({
  side,
  documentId,
  documentTitle,
  level = 4,
}: {
  side: TCompareSide;
  documentId: string;
  documentTitle: string;
  /** 4 under an entry's own heading; 3 for an unmatched clause, whose heading this is. */
  level?: 3 | 4;
}) {
  const t = useTranslations();
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <Heading className="compare-clause-head">
      {/* The name starts with the visible words (WCAG 2.5.3); the document is said to screen readers only. */}
      <Link href={`/clauses/${documentId}/${side.number}`}>
        <span className="clause-number">{side.number}</span>{" "}
        <LocalizedText value={side.title} untranslatedLabel={t("Site.untranslated")} />
        <span className="visually-hidden"> — {documentTitle}</span>
      </Link>
    </Heading>
  );
}

function Sources({ sides }: { sides: TCompareSide[] }) {
  const t = useTranslations();
  return (
    <>
      {sides.map((s) => (
        <details key={s.id} className="sources-block">
          <summary>
            {sides.length > 1 ? `${s.number}: ` : ""}
            {t("Common.sourceCount", { count: s.sources.length })}
          </summary>
          <SourceList sources={s.sources} compact />
        </details>
      ))}
    </>
  );
}

function Score({ score }: { score: TPartyScore }) {
  const t = useTranslations("Compare");
  const lang = useLocale() as TLang;
  return (
    <span className="party-score">
      {score.assessed ? (
        <ScoreBadge score={score.score} lang={lang} />
      ) : (
        <span className="muted">{t("notAssessed")}</span>
      )}
      {score.status === "inherited" ? <span className="inherited-mark"> {t("inherited")}</span> : null}
    </span>
  );
}

function PartyScores({
  change,
  partyName,
  dimensionLabels,
}: {
  change: TPartyChange;
  partyName: string;
  dimensionLabels: Record<string, string>;
}) {
  const t = useTranslations("Compare");
  return (
    <div className="party-change">
      <p className="red-line-mark">
        {t("redLines", { dimensions: change.dimensions.map((d) => dimensionLabels[d] ?? d).join(", ") })}
      </p>
      <p>
        <span className="party-change-label">{t("scores", { party: partyName })}</span>{" "}
        <span className="visually-hidden">{t("earlier")}: </span>
        {change.before.length === 0 ? <span className="muted">—</span> : null}
        {change.before.map((s) => (
          <Score key={s.clauseId} score={s} />
        ))}
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden"> {t("later")}: </span>
        {change.after.length === 0 ? <span className="muted">—</span> : null}
        {change.after.map((s) => (
          <Score key={s.clauseId} score={s} />
        ))}
      </p>
    </div>
  );
}

export type TEntryContext = {
  docs: TDocs;
  mode: TCompareMode;
  partyName: string | null;
  dimensionLabels: Record<string, string>;
};

/** One aligned pair or merge/split group: both sides with their sources, the word diff, the party's scores. */
export function CompareEntry({ entry, context }: { entry: TCompareEntry; context: TEntryContext }) {
  const t = useTranslations();
  const { docs, mode, partyName, dimensionLabels } = context;
  const labels = { deleted: t("Compare.deleted"), inserted: t("Compare.inserted") };
  const changed = entry.diff.insertedWords + entry.diff.deletedWords > 0;
  const number = (sides: TCompareSide[]) => sides.map((s) => s.number).join(" + ");
  return (
    <li
      className={`compare-entry compare-${entry.relation}`}
      data-from={number(entry.from)}
      data-to={number(entry.to)}
      data-relation={entry.relation}
    >
      <h3 className="compare-entry-head">
        <span className="compare-numbers">
          {number(entry.from)} → {number(entry.to)}
        </span>{" "}
        <LinkBadges relation={entry.relation} links={entry.links} />
      </h3>
      <p className="muted compare-word-counts">
        {changed
          ? t("Compare.wordCounts", { deleted: entry.diff.deletedWords, inserted: entry.diff.insertedWords })
          : t("Compare.sameWording")}
        {entry.diff.fallback ? <> · {t("Compare.diffFallback")}</> : null}
      </p>
      {mode === "side" ? (
        <div className="compare-columns">
          <section aria-label={`${t("Compare.earlier")}: ${docs.fromTitle}`} className="compare-column">
            {entry.from.map((s) => (
              <ClauseHead key={s.id} side={s} documentId={docs.fromId} documentTitle={docs.fromTitle} />
            ))}
            <DiffText segments={entry.diff.segments} side="from" lang={entry.diff.lang} labels={labels} />
            <Sources sides={entry.from} />
          </section>
          <section aria-label={`${t("Compare.later")}: ${docs.toTitle}`} className="compare-column">
            {entry.to.map((s) => (
              <ClauseHead key={s.id} side={s} documentId={docs.toId} documentTitle={docs.toTitle} />
            ))}
            <DiffText segments={entry.diff.segments} side="to" lang={entry.diff.lang} labels={labels} />
            <Sources sides={entry.to} />
          </section>
        </div>
      ) : (
        <div className="compare-inline">
          <div className="compare-inline-heads">
            {entry.from.map((s) => (
              <ClauseHead key={s.id} side={s} documentId={docs.fromId} documentTitle={docs.fromTitle} />
            ))}
            <span aria-hidden="true" className="compare-arrow">
              ↓
            </span>
            {entry.to.map((s) => (
              <ClauseHead key={s.id} side={s} documentId={docs.toId} documentTitle={docs.toTitle} />
            ))}
          </div>
          <DiffText segments={entry.diff.segments} side="inline" lang={entry.diff.lang} labels={labels} />
          <Sources sides={[...entry.from, ...entry.to]} />
        </div>
      )}
      <Notes links={entry.links} />
      {entry.party && partyName ? (
        <PartyScores change={entry.party} partyName={partyName} dimensionLabels={dimensionLabels} />
      ) : null}
    </li>
  );
}

/** A clause with no counterpart in the other version, with its text and sources. */
export function UnmatchedEntry({ item, context }: { item: TCompareUnmatched; context: TEntryContext }) {
  const t = useTranslations();
  const { docs, partyName, dimensionLabels } = context;
  const documentId = item.relation === "removed" ? docs.fromId : docs.toId;
  const documentTitle = item.relation === "removed" ? docs.fromTitle : docs.toTitle;
  return (
    <li className={`compare-entry compare-${item.relation}`} data-number={item.clause.number}>
      <ClauseHead side={item.clause} documentId={documentId} documentTitle={documentTitle} level={3} />
      <LinkBadges relation={item.relation} links={[item.link]} />
      <p className="clause-text">
        <LocalizedText value={item.clause.text} untranslatedLabel={t("Site.untranslated")} />
      </p>
      <Sources sides={[item.clause]} />
      <Notes links={[item.link]} />
      {item.party && partyName ? (
        <PartyScores change={item.party} partyName={partyName} dimensionLabels={dimensionLabels} />
      ) : null}
    </li>
  );
}

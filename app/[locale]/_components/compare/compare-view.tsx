import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { findDimensions } from "@/lib/data/dimensions.repository";
import { localize, type TLang } from "@/lib/domain/localize";
import { ALIGNMENT_RELATIONS } from "@/lib/domain/vocabulary";
import type { TCompareView } from "@/lib/server/compare";
import { LocalizedText } from "../localized-text";
import { ComparePickers } from "./compare-pickers";
import { CompareEntry, UnmatchedEntry, type TEntryContext } from "./compare-entry";
import "@/app/compare.css";

/** The compare page: pickers, then (with two documents) the summary, the aligned clauses and the unmatched ones. */
export async function CompareView({ view }: { view: TCompareView }) {
  const [t, lang, dimensions] = await Promise.all([getTranslations(), getLocale() as Promise<TLang>, findDimensions()]);
  const untranslated = t("Site.untranslated");
  const documents = view.documents.map((d) => ({ id: d.id, label: localize(lang, d.title, d.titleJa).text }));
  const parties = view.parties.map((p) => ({ id: p.id, label: localize(lang, p.name, p.nameJa).text }));
  const pickers = <ComparePickers query={view.query} documents={documents} parties={parties} />;
  const { from, to, comparison } = view;
  if (!from || !to || !comparison) {
    return (
      <div className="page page-wide compare-page">
        <h1>{t("Compare.title")}</h1>
        <p className="lead">{t("Compare.lead")}</p>
        {pickers}
        <p>{t("Compare.choosePrompt")}</p>
      </div>
    );
  }

  const fromTitle = localize(lang, from.title, from.titleJa);
  const toTitle = localize(lang, to.title, to.titleJa);
  const partyName = view.query.party ? (parties.find((p) => p.id === view.query.party)?.label ?? null) : null;
  const context: TEntryContext = {
    docs: { fromId: from.id, toId: to.id, fromTitle: fromTitle.text, toTitle: toTitle.text },
    mode: view.query.mode,
    partyName,
    dimensionLabels: Object.fromEntries(dimensions.map((d) => [d.id, localize(lang, d.label, d.labelJa).text])),
  };
  const { summary } = comparison;
  const partial = [from, to].filter((d) => d.completeness !== "full");

  return (
    <div className="page page-wide compare-page">
      <h1>{t("Compare.titleWith", { from: fromTitle.text, to: toTitle.text })}</h1>
      <p className="lead">{t("Compare.lead")}</p>
      {pickers}

      <section aria-labelledby="summary-heading" className="compare-summary">
        <h2 id="summary-heading">{t("Compare.summaryHeading")}</h2>
        <div className="table-scroll">
          <table className="data-table compare-counts">
            <caption>{t("Compare.summaryCaption", { from: fromTitle.text, to: toTitle.text })}</caption>
            <thead>
              <tr>
                {ALIGNMENT_RELATIONS.map((r) => (
                  <th key={r} scope="col" className={`num relation-${r}`}>
                    {t(`Clause.relation.${r}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {ALIGNMENT_RELATIONS.map((r) => (
                  <td key={r} className="num" data-relation={r}>
                    {summary.counts[r]}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <p className="muted">{t("Compare.summaryNote")}</p>
        <p className={summary.proposed > 0 ? "compare-proposed-note" : "muted"}>
          {summary.proposed > 0 ? t("Compare.proposedCount", { count: summary.proposed }) : t("Compare.proposedNone")}
        </p>
        {partyName ? (
          <p className="red-line-mark">
            {t("Compare.partyShown", { shown: summary.shown, total: summary.total, party: partyName })}
          </p>
        ) : null}
        {partial.map((d) => (
          <p key={d.id} className="muted">
            {t("Compare.partialNote", { title: localize(lang, d.title, d.titleJa).text })}
          </p>
        ))}
        <p className="disclaimer">{t("Common.summaryDisclaimer")}</p>
        <p className="compare-legend" aria-hidden="true">
          {t("Compare.legend")}: <del>{t("Compare.legendDeleted")}</del> <ins>{t("Compare.legendInserted")}</ins>
        </p>
      </section>

      <p className="compare-docs">
        <Link href={`/documents/${from.id}`}>
          <LocalizedText value={fromTitle} untranslatedLabel={untranslated} />
        </Link>
        {" → "}
        <Link href={`/documents/${to.id}`}>
          <LocalizedText value={toTitle} untranslatedLabel={untranslated} />
        </Link>
      </p>

      <section aria-labelledby="pairs-heading">
        <h2 id="pairs-heading">
          {t("Compare.pairsHeading")} <span className="muted">({comparison.pairs.length})</span>
        </h2>
        {comparison.pairs.length === 0 ? <p className="muted">{t("Compare.noPairs")}</p> : null}
        <ol className="compare-list">
          {comparison.pairs.map((entry) => (
            <CompareEntry
              key={entry.links.map((l) => `${l.fromClauseId}>${l.toClauseId}`).join()}
              entry={entry}
              context={context}
            />
          ))}
        </ol>
      </section>

      <section aria-labelledby="removed-heading" id="removed">
        <h2 id="removed-heading">
          {t("Compare.removedHeading")} <span className="muted">({comparison.removed.length})</span>
        </h2>
        {comparison.removed.length === 0 ? <p className="muted">{t("Compare.noneRemoved")}</p> : null}
        <ul className="compare-list">
          {comparison.removed.map((item) => (
            <UnmatchedEntry key={item.clause.id} item={item} context={context} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="added-heading" id="added">
        <h2 id="added-heading">
          {t("Compare.addedHeading")} <span className="muted">({comparison.added.length})</span>
        </h2>
        {comparison.added.length === 0 ? <p className="muted">{t("Compare.noneAdded")}</p> : null}
        <ul className="compare-list">
          {comparison.added.map((item) => (
            <UnmatchedEntry key={item.clause.id} item={item} context={context} />
          ))}
        </ul>
      </section>
    </div>
  );
}

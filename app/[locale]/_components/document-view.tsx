import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/domain/permissions";
import { getActor } from "@/lib/server/authz";
import { Link } from "@/i18n/navigation";
import { findDimensions } from "@/lib/data/dimensions.repository";
import type { TDocumentDetail } from "@/lib/data/documents.repository";
import { localize, localizeOptional, type TLang } from "@/lib/domain/localize";
import { getDateFormatter } from "./format-server";
import { LocalizedText } from "./localized-text";
import { SourceList } from "./source-list";
import { TopicChips } from "./topic-chips";

export async function DocumentView({ document }: { document: TDocumentDetail }) {
  const [t, lang, dimensions, formatDate, actor] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<TLang>,
    findDimensions(),
    getDateFormatter(),
    headers().then(getActor),
  ]);
  const canImport = can(actor, "document:import");
  const dimensionById = new Map(dimensions.map((d) => [d.id, d]));
  const untranslated = t("Site.untranslated");
  const note = localizeOptional(lang, document.note, document.noteJa);
  return (
    <div className="page">
      <h1>
        <LocalizedText value={localize(lang, document.title, document.titleJa)} untranslatedLabel={untranslated} />
      </h1>
      <dl className="facts">
        <dt>{t("Common.date")}</dt>
        <dd>
          <time dateTime={document.date}>{formatDate(document.date, t("Common.noDate"))}</time>
        </dd>
        <dt>{t("Document.origin")}</dt>
        <dd>
          <LocalizedText value={localize(lang, document.origin, document.originJa)} untranslatedLabel={untranslated} />
        </dd>
        <dt>{t("Home.columns.completeness")}</dt>
        <dd>{t(`Common.completeness.${document.completeness === "full" ? "full" : "partial"}`)}</dd>
        {note ? (
          <>
            <dt>{t("Common.note")}</dt>
            <dd>
              <LocalizedText value={note} untranslatedLabel={untranslated} />
            </dd>
          </>
        ) : null}
      </dl>
      <details className="sources-block">
        <summary>{t("Common.sourceCount", { count: document.sources.length })}</summary>
        <SourceList sources={document.sources} />
      </details>
      <p>
        <Link className="button-link" href={`/documents/${document.id}/matrix`}>
          {t("Matrix.openMatrix")}
        </Link>{" "}
        <Link className="button-link" href={`/compare?from=${document.id}`}>
          {t("Document.compareWith")}
        </Link>{" "}
        {canImport ? (
          <Link className="button-link" href={`/import?base=${document.id}`}>
            {t("Document.importRevised")}
          </Link>
        ) : null}
      </p>

      <section aria-labelledby="clauses-heading">
        <h2 id="clauses-heading">
          {t("Document.clausesHeading")} <span className="muted">({document.clauses.length})</span>
        </h2>
        <p className="disclaimer">{t("Common.summaryDisclaimer")}</p>
        <ol className="clause-list">
          {document.clauses.map((c) => {
            const clauseNote = localizeOptional(lang, c.note, c.noteJa);
            return (
              <li key={c.id} id={`clause-${c.number}`} className="clause">
                <h3>
                  <Link href={`/clauses/${document.id}/${c.number}`}>
                    <span className="clause-number">{c.number}</span>{" "}
                    <LocalizedText value={localize(lang, c.heading, c.headingJa)} untranslatedLabel={untranslated} />
                  </Link>
                </h3>
                <TopicChips topics={c.topics} dimensions={dimensionById} lang={lang} label={t("Common.topics")} />
                <p className="clause-text">
                  <LocalizedText value={localize(lang, c.text, c.textJa)} untranslatedLabel={untranslated} />
                </p>
                {clauseNote ? (
                  <p className="clause-note">
                    {t("Common.note")}: <LocalizedText value={clauseNote} untranslatedLabel={untranslated} />
                  </p>
                ) : null}
                <details className="sources-block">
                  <summary>{t("Common.sourceCount", { count: c.sources.length })}</summary>
                  <SourceList sources={c.sources} />
                </details>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { findDocuments } from "@/lib/data/documents.repository";
import { findParties } from "@/lib/data/parties.repository";
import { localize, type TLang } from "@/lib/domain/localize";
import { getDateFormatter } from "./format-server";
import { LocalizedText } from "./localized-text";

export async function HomeView() {
  const [t, lang, documents, parties, formatDate] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<TLang>,
    findDocuments(),
    findParties(),
    getDateFormatter(),
  ]);
  const untranslated = t("Site.untranslated");
  return (
    <div className="page">
      <h1>{t("Home.title")}</h1>
      <p className="lead">{t("Home.lead")}</p>
      <p>{t("Home.about")}</p>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("Home.documentsHeading")}</h2>
        <div className="table-scroll">
          <table className="data-table documents-table">
            <caption>{t("Home.documentsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("Home.columns.title")}</th>
                <th scope="col">{t("Home.columns.date")}</th>
                <th scope="col">{t("Home.columns.origin")}</th>
                <th scope="col">{t("Home.columns.completeness")}</th>
                <th scope="col" className="num">
                  {t("Home.columns.clauses")}
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link href={`/documents/${d.id}`}>
                      <LocalizedText value={localize(lang, d.title, d.titleJa)} untranslatedLabel={untranslated} />
                    </Link>
                  </th>
                  <td>
                    <time dateTime={d.date}>{formatDate(d.date, t("Common.noDate"))}</time>
                  </td>
                  <td className="origin-cell">
                    <LocalizedText value={localize(lang, d.origin, d.originJa)} untranslatedLabel={untranslated} />
                  </td>
                  <td>{t(`Common.completeness.${d.completeness === "full" ? "full" : "partial"}`)}</td>
                  <td className="num">{d.clauseCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">{t("Home.partiesHeading")}</h2>
        <ul className="party-list">
          {parties.map((p) => (
            <li key={p.id}>
              <Link href={`/parties/${p.id}`}>
                <LocalizedText value={localize(lang, p.name, p.nameJa)} untranslatedLabel={untranslated} />
              </Link>{" "}
              <span className="muted">({t("Common.positionCount", { count: p.positionCount })})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { TAlphaMetric, TAlphaResult, TCodeValue } from "@/lib/domain/agreement";
import { localize, type TLang } from "@/lib/domain/localize";
import { getScoreLevel, type TScore } from "@/lib/domain/scale";
import type { TAgreementReport, TGroupAgreement } from "@/lib/server/agreement";
import "../../../coding.css";

/**
 * Agreement between researchers on one document: alpha (nominal and ordinal) overall, per party and per
 * dimension, Cohen's kappa for each pair of coders, and the disagreements the viewer may see, each linked to its
 * clause and to the matrix.
 */
export async function AgreementView({ report }: { report: TAgreementReport }) {
  const [t, lang, format] = await Promise.all([
    getTranslations("Coding"),
    getLocale() as Promise<TLang>,
    getFormatter(),
  ]);
  const documentId = report.document?.id ?? "";
  const title = report.document ? localize(lang, report.document.title, report.document.titleJa) : null;
  const partyName = new Map(report.labels.parties.map((p) => [p.id, localize(lang, p.name, p.nameJa).text]));
  const dimensionLabel = new Map(report.labels.dimensions.map((d) => [d.id, localize(lang, d.label, d.labelJa).text]));
  const figure = (value: number | null) =>
    value === null ? "—" : format.number(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const alphaText = (result: TAlphaResult | undefined) => {
    if (!result) return "—";
    if (result.alpha === null) return t(`undefinedReason.${result.undefinedReason ?? "no-pairable-values"}`);
    return figure(result.alpha);
  };
  const valueText = (value: TCodeValue) => {
    if (value === null || typeof value === "number") {
      const level = getScoreLevel(value as TScore);
      return lang === "ja" ? level.labelJa : level.label;
    }
    return value;
  };
  const metrics = report.metrics;
  const groupTable = (groups: TGroupAgreement[], label: (id: string) => string, caption: string, id: string) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{caption}</h2>
      {groups.length === 0 ? <p className="muted">{t("noCodes")}</p> : null}
      {groups.length > 0 ? (
        <table className="agreement-table">
          <thead>
            <tr>
              <th scope="col">{caption}</th>
              <th scope="col">{t("coders")}</th>
              {metrics.map((m) => (
                <th scope="col" key={m}>
                  {t(`metric.${m}`)}
                </th>
              ))}
              <th scope="col">{t("pairableUnits")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{label(g.group)}</th>
                <td>{g.coders}</td>
                {metrics.map((m) => (
                  <td key={m} className="figure">
                    {alphaText(g.alpha[m])}
                  </td>
                ))}
                <td>{g.alpha[metrics[0]]?.units ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );

  return (
    <div className="page page-wide agreement">
      <p className="breadcrumb">
        <Link href={`/documents/${documentId}/matrix`}>{t("backToMatrix")}</Link>
      </p>
      <h1 lang={title?.lang}>{t("agreementTitle", { title: title?.text ?? "" })}</h1>
      <p>{t("agreementLead")}</p>
      <p className="muted">
        {t("counts", {
          coders: report.coders.length,
          units: report.counts.units,
          pairable: report.counts.pairableUnits,
        })}
      </p>

      <section aria-labelledby="agreement-overall">
        <h2 id="agreement-overall">{t("overallHeading")}</h2>
        <table className="agreement-table">
          <thead>
            <tr>
              <th scope="col">{t("metricHeading")}</th>
              <th scope="col">{t("alpha")}</th>
              <th scope="col">{t("pairableUnits")}</th>
              <th scope="col">{t("pairableValues")}</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(report.overall) as TAlphaMetric[]).map((m) => (
              <tr key={m}>
                <th scope="row">{t(`metric.${m}`)}</th>
                <td className="figure">{alphaText(report.overall[m])}</td>
                <td>{report.overall[m]?.units ?? 0}</td>
                <td>{report.overall[m]?.pairable ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t("noStatedPositionNote")}</p>
      </section>

      <section aria-labelledby="agreement-pairs">
        <h2 id="agreement-pairs">{t("pairsHeading")}</h2>
        {report.pairs.length === 0 ? <p className="muted">{t("noPairs")}</p> : null}
        {report.pairs.length > 0 ? (
          <table className="agreement-table">
            <thead>
              <tr>
                <th scope="col">{t("coderPair")}</th>
                <th scope="col">{t("kappa")}</th>
                <th scope="col">{t("pairUnits")}</th>
                <th scope="col">{t("observedAgreement")}</th>
              </tr>
            </thead>
            <tbody>
              {report.pairs.map((p) => (
                <tr key={`${p.coderA.id}-${p.coderB.id}`}>
                  <th scope="row">{t("pair", { a: p.coderA.name, b: p.coderB.name })}</th>
                  <td className="figure">
                    {p.kappa === null ? t(`kappaUndefined.${p.undefinedReason ?? "no-paired-units"}`) : figure(p.kappa)}
                  </td>
                  <td>{p.units}</td>
                  <td>
                    {p.observedAgreement === null
                      ? "—"
                      : format.number(p.observedAgreement, { style: "percent", maximumFractionDigits: 0 })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {groupTable(report.byParty, (id) => partyName.get(id) ?? id, t("byParty"), "agreement-parties")}
      {groupTable(report.byDimension, (id) => dimensionLabel.get(id) ?? id, t("byDimension"), "agreement-dimensions")}

      <section aria-labelledby="agreement-disagreements">
        <h2 id="agreement-disagreements">
          {t("disagreementsHeading")} ({report.disagreements.total})
        </h2>
        <p className="muted">{t(`disagreementsVisibility.${report.disagreements.visibility}`)}</p>
        {report.disagreements.items.length > 0 ? (
          <ul className="disagreements">
            {report.disagreements.items.map((d) => (
              <li key={`${d.clauseId}-${d.partyId}`}>
                <Link href={d.matrixLink}>
                  {t("disagreementCell", { number: d.clauseNumber, party: partyName.get(d.partyId) ?? d.partyId })}
                </Link>{" "}
                <span className="muted">
                  ({d.values.map((v) => `${v.coder.name}: ${valueText(v.value)}`).join("; ")}
                  {d.spread !== null ? ` · ${t("spread", { spread: d.spread })}` : ""})
                </span>{" "}
                <Link href={d.link}>{t("openClause")}</Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

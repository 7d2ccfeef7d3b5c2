import { useTranslations } from "next-intl";
import type { TMatrix, TScoreCountKey } from "@/lib/domain/matrix/build";
import { SCALE } from "@/lib/domain/scale";

const KEYS: TScoreCountKey[] = ["crosses", "conflicts", "mixed", "consistent", "fulfils", "none", "unassessed"];

/**
 * Cells by score for each visible party, as stacked bars (a table underneath, so screen readers get the numbers),
 * and the legend of colours, labels and marks.
 */
export function PartyOverview({ matrix, lang }: { matrix: TMatrix; lang: "en" | "ja" }) {
  const t = useTranslations("Matrix");
  const tb = useTranslations("Coding");
  // "Hidden until you code" (blind coding) only when some cell is hidden.
  const keys: TScoreCountKey[] = matrix.summary.some((s) => s.counts.blind > 0) ? [...KEYS, "blind"] : KEYS;
  const label = (key: TScoreCountKey) => {
    if (key === "unassessed") return t("notAssessed");
    if (key === "blind") return tb("blindCell");
    const level = SCALE.find((l) => l.key === key)!;
    return lang === "ja" ? level.labelJa : level.label;
  };
  return (
    <section className="matrix-overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t("overview")}</h2>
      <table className="overview-table">
        <caption className="muted">{t("overviewCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("parties")}</th>
            <th scope="col">{t("scores")}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.summary.map((s, i) => {
            const total = keys.reduce((n, k) => n + s.counts[k], 0) || 1;
            return (
              <tr key={s.partyId} data-party={s.partyId}>
                <th scope="row">{matrix.parties[i].name.text}</th>
                <td>
                  <div className="bar" aria-hidden="true">
                    {keys
                      .filter((k) => s.counts[k] > 0)
                      .map((k) => (
                        <span
                          key={k}
                          className={`bar-segment score-${k}`}
                          style={{ width: `${(100 * s.counts[k]) / total}%` }}
                          title={`${label(k)}: ${s.counts[k]}`}
                        >
                          {s.counts[k]}
                        </span>
                      ))}
                  </div>
                  <ul className="visually-hidden">
                    {keys.map((k) => (
                      <li key={k}>
                        {label(k)}: {s.counts[k]}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t("legend")}</h3>
      <ul className="legend">
        {keys.map((k) => (
          <li key={k}>
            <span className={`score score-${k}`}>{label(k)}</span>
          </li>
        ))}
        <li>
          <span className="matrix-red-line">▲</span> {t("redLineLegend")}
        </li>
      </ul>
    </section>
  );
}

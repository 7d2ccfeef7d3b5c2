import { getLocale, getTranslations } from "next-intl/server";
import { findDimensions } from "@/lib/data/dimensions.repository";
import { localize, type TLang } from "@/lib/domain/localize";
import { SCALE } from "@/lib/domain/scale";
import { POSITION_KINDS, POSITION_KIND_LABELS } from "@/lib/domain/vocabulary";
import { LocalizedText } from "./localized-text";
import { ScoreBadge } from "./score-badge";

export async function CodebookView() {
  const [t, lang, dimensions] = await Promise.all([getTranslations(), getLocale() as Promise<TLang>, findDimensions()]);
  const untranslated = t("Site.untranslated");
  return (
    <div className="page">
      <h1>{t("Codebook.title")}</h1>
      <p className="lead">{t("Codebook.lead")}</p>
      <section aria-labelledby="scale-heading">
        <h2 id="scale-heading">{t("Codebook.scaleHeading")}</h2>
        <dl className="codebook">
          {SCALE.map((level) => (
            <div key={level.key}>
              <dt>
                <ScoreBadge score={level.score} lang={lang} />
              </dt>
              <dd>{lang === "ja" ? level.descriptionJa : level.description}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">{t("Codebook.kindsHeading")}</h2>
        <ul className="chips">
          {POSITION_KINDS.map((k) => (
            <li key={k} className={`kind kind-${k}`}>
              {lang === "ja" ? POSITION_KIND_LABELS[k].labelJa : POSITION_KIND_LABELS[k].label}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="dimensions-heading">
        <h2 id="dimensions-heading">{t("Codebook.dimensionsHeading")}</h2>
        <dl className="codebook">
          {dimensions.map((d) => (
            <div key={d.id} id={`dimension-${d.id}`}>
              <dt>
                <LocalizedText value={localize(lang, d.label, d.labelJa)} untranslatedLabel={untranslated} />{" "}
                <code className="muted">{d.id}</code>
              </dt>
              <dd>
                <LocalizedText
                  value={localize(lang, d.description, d.descriptionJa)}
                  untranslatedLabel={untranslated}
                />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

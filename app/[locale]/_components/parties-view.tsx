import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { findParties } from "@/lib/data/parties.repository";
import { localize, localizeOptional, type TLang } from "@/lib/domain/localize";
import { LocalizedText } from "./localized-text";

export async function PartiesView() {
  const [t, lang, parties] = await Promise.all([getTranslations(), getLocale() as Promise<TLang>, findParties()]);
  const untranslated = t("Site.untranslated");
  return (
    <div className="page">
      <h1>{t("Party.listHeading")}</h1>
      <ul className="card-list">
        {parties.map((p) => {
          const note = localizeOptional(lang, p.note, p.noteJa);
          return (
            <li key={p.id} className="card">
              <h2>
                <Link href={`/parties/${p.id}`}>
                  <LocalizedText value={localize(lang, p.name, p.nameJa)} untranslatedLabel={untranslated} />
                </Link>
              </h2>
              <p className="muted">{t("Common.positionCount", { count: p.positionCount })}</p>
              {note ? (
                <p>
                  <LocalizedText value={note} untranslatedLabel={untranslated} />
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

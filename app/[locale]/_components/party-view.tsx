import { getLocale, getTranslations } from "next-intl/server";
import { findDimensions } from "@/lib/data/dimensions.repository";
import type { TPartyDetail } from "@/lib/data/parties.repository";
import { localize, localizeOptional, type TLang } from "@/lib/domain/localize";
import { groupPositionsByDimension } from "@/lib/domain/positions";
import { PARTY_KINDS, type TPartyKind } from "@/lib/domain/vocabulary";
import { LocalizedText } from "./localized-text";
import { PositionItem } from "./position-item";

export async function PartyView({ party }: { party: TPartyDetail }) {
  const [t, lang, dimensions] = await Promise.all([getTranslations(), getLocale() as Promise<TLang>, findDimensions()]);
  const untranslated = t("Site.untranslated");
  const groups = groupPositionsByDimension(
    party.positions,
    dimensions.map((d) => d.id),
  );
  const dimensionById = new Map(dimensions.map((d) => [d.id, d]));
  const note = localizeOptional(lang, party.note, party.noteJa);
  return (
    <div className="page">
      <h1>
        <LocalizedText value={localize(lang, party.name, party.nameJa)} untranslatedLabel={untranslated} />
      </h1>
      <p className="muted">
        {(PARTY_KINDS as readonly string[]).includes(party.kind)
          ? t(`Party.kind.${party.kind as TPartyKind}`)
          : party.kind}
        {" · "}
        {t("Common.positionCount", { count: party.positions.length })}
      </p>
      {note ? (
        <p>
          <LocalizedText value={note} untranslatedLabel={untranslated} />
        </p>
      ) : null}
      <h2>{t("Party.positionsHeading")}</h2>
      {groups.length === 0 ? <p className="muted">{t("Party.noPositions")}</p> : null}
      <nav aria-label={t("Common.topics")} className="toc">
        <ul>
          {groups.map((g) => {
            const d = dimensionById.get(g.dimensionId);
            return (
              <li key={g.dimensionId}>
                <a href={`#dimension-${g.dimensionId}`}>
                  {d ? localize(lang, d.label, d.labelJa).text : g.dimensionId} ({g.positions.length})
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {groups.map((g) => {
        const d = dimensionById.get(g.dimensionId);
        return (
          <section
            key={g.dimensionId}
            id={`dimension-${g.dimensionId}`}
            aria-labelledby={`dimension-heading-${g.dimensionId}`}
          >
            <h3 id={`dimension-heading-${g.dimensionId}`}>
              {d ? (
                <LocalizedText value={localize(lang, d.label, d.labelJa)} untranslatedLabel={untranslated} />
              ) : (
                g.dimensionId
              )}
            </h3>
            {g.positions.map((p) => (
              <PositionItem key={p.id} position={p} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

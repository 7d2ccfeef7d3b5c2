import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { localize, type TLang } from "@/lib/domain/localize";
import { parseClauseRef } from "@/lib/domain/ids";
import { POSITION_KIND_LABELS, type TPositionKind } from "@/lib/domain/vocabulary";
import type { TPositionView } from "@/lib/data/positions.repository";
import { useDateFormatter } from "./format";
import { LocalizedText } from "./localized-text";
import { SourceList } from "./source-list";

/** One dated position: kind, statement, speaker, date, what it concerns, sources. Renders on server and client. */
export function PositionItem({ position }: { position: TPositionView }) {
  const t = useTranslations();
  const lang = useLocale() as TLang;
  const formatDate = useDateFormatter();
  const kind = POSITION_KIND_LABELS[position.kind as TPositionKind];
  const untranslated = t("Site.untranslated");
  const note = position.note ? localize(lang, position.note, position.noteJa) : null;
  return (
    <article className={`position position-${position.kind}`} id={`position-${position.id}`}>
      <p className="position-meta">
        <span className={`kind kind-${position.kind}`}>
          {kind ? (lang === "ja" ? kind.labelJa : kind.label) : position.kind}
        </span>{" "}
        <time dateTime={position.date}>{formatDate(position.date, t("Common.noDate"))}</time>
        {" · "}
        <LocalizedText value={localize(lang, position.speaker, position.speakerJa)} untranslatedLabel={untranslated} />
        {position.actor ? (
          <>
            {" · "}
            <span lang="en">{position.actor}</span>
          </>
        ) : null}
      </p>
      <p className="position-statement">
        <LocalizedText
          value={localize(lang, position.statement, position.statementJa)}
          untranslatedLabel={untranslated}
        />
      </p>
      {position.clauses.length > 0 ? (
        <p className="position-concerns">
          {t("Party.concerns")}:{" "}
          {position.clauses.map((ref, i) => {
            const parsed = parseClauseRef(ref);
            return (
              <span key={ref}>
                {i > 0 ? ", " : ""}
                {parsed ? <Link href={`/clauses/${parsed.documentId}/${parsed.number}`}>{ref}</Link> : ref}
              </span>
            );
          })}
        </p>
      ) : null}
      {note ? (
        <p className="position-note">
          <LocalizedText value={note} untranslatedLabel={untranslated} />
        </p>
      ) : null}
      <SourceList sources={position.sources} compact />
    </article>
  );
}

import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { findDimensions } from "@/lib/data/dimensions.repository";
import { findParties } from "@/lib/data/parties.repository";
import { localize, localizeOptional, type TLang } from "@/lib/domain/localize";
import { ALIGNMENT_RELATIONS, type TAlignmentRelation } from "@/lib/domain/vocabulary";
import { findClauseThreads } from "@/lib/server/annotations";
import { getActor } from "@/lib/server/authz";
import type { TClauseReading } from "@/lib/server/reading";
import { AnnotatableClauseText, AnnotationThreads } from "./annotations/clause-annotations";
import { ClauseTimeline } from "./annotations/clause-timeline";
import { getDateFormatter } from "./format-server";
import { LocalizedText } from "./localized-text";
import { PositionItem } from "./position-item";
import { ScoreBadge } from "./score-badge";
import { SourceList } from "./source-list";
import { TopicChips } from "./topic-chips";

export async function ClauseView({ clause }: { clause: TClauseReading }) {
  const [t, lang, dimensions, parties, formatDate, actor] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<TLang>,
    findDimensions(),
    findParties(),
    getDateFormatter(),
    headers().then(getActor),
  ]);
  const threads = await findClauseThreads(actor, clause.id);
  const shownText = localize(lang, clause.text, clause.textJa);
  const tagOptions = dimensions.map((d) => {
    const label = localize(lang, d.label, d.labelJa);
    return { id: d.id, label: label.text, lang: label.lang };
  });
  const dimensionById = new Map(dimensions.map((d) => [d.id, d]));
  const untranslated = t("Site.untranslated");
  const dimensionLabel = (id: string) => {
    const d = dimensionById.get(id);
    return d ? localize(lang, d.label, d.labelJa).text : id;
  };
  const relationLabel = (relation: string) =>
    (ALIGNMENT_RELATIONS as readonly string[]).includes(relation)
      ? t(`Clause.relation.${relation as TAlignmentRelation}`)
      : relation;
  const note = localizeOptional(lang, clause.note, clause.noteJa);

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link href={`/documents/${clause.document.id}`}>
          <LocalizedText
            value={localize(lang, clause.document.title, clause.document.titleJa)}
            untranslatedLabel={untranslated}
          />
        </Link>{" "}
        <span className="muted">
          (<time dateTime={clause.document.date}>{formatDate(clause.document.date, t("Common.noDate"))}</time>)
        </span>
      </p>
      <h1>
        <span className="clause-number">{t("Document.clauseLabel", { number: clause.number })}</span>{" "}
        <LocalizedText value={localize(lang, clause.heading, clause.headingJa)} untranslatedLabel={untranslated} />
      </h1>
      <TopicChips topics={clause.topics} dimensions={dimensionById} lang={lang} label={t("Common.topics")} />

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">{t("Clause.text")}</h2>
        <AnnotatableClauseText
          clauseId={clause.id}
          text={shownText}
          untranslatedLabel={untranslated}
          threads={threads}
          viewer={actor}
          dimensions={tagOptions}
        />
        {note ? (
          <p className="clause-note">
            {t("Common.note")}: <LocalizedText value={note} untranslatedLabel={untranslated} />
          </p>
        ) : null}
        <p className="disclaimer">{t("Common.summaryDisclaimer")}</p>
        <h3>{t("Common.sources")}</h3>
        <SourceList sources={clause.sources} />
      </section>

      <AnnotationThreads threads={threads} viewer={actor} dimensions={tagOptions} textLang={shownText.lang} />

      <section aria-labelledby="alignments-heading">
        <h2 id="alignments-heading">{t("Clause.alignmentsHeading")}</h2>
        {clause.alignments.length === 0 ? (
          <p className="muted">{t("Clause.noAlignments")}</p>
        ) : (
          <ul className="alignment-list">
            {clause.alignments.map((a, i) => {
              const alignmentNote = localizeOptional(lang, a.note, a.noteJa);
              return (
                <li key={i} className={`alignment alignment-${a.relation}`}>
                  <span className="relation">
                    {a.direction === "to"
                      ? t("Clause.becomes", { relation: relationLabel(a.relation) })
                      : t("Clause.comesFrom", { relation: relationLabel(a.relation) })}
                  </span>{" "}
                  <Link href={`/documents/${a.document.id}`}>
                    <LocalizedText
                      value={localize(lang, a.document.title, a.document.titleJa)}
                      untranslatedLabel={untranslated}
                    />
                  </Link>
                  {a.clause ? (
                    <>
                      {" — "}
                      <Link href={`/clauses/${a.document.id}/${a.clause.number}`}>
                        {t("Document.clauseLabel", { number: a.clause.number })}{" "}
                        <LocalizedText
                          value={localize(lang, a.clause.heading, a.clause.headingJa)}
                          untranslatedLabel={untranslated}
                        />
                      </Link>
                    </>
                  ) : (
                    <span className="muted"> — {t("Clause.noCounterpart")}</span>
                  )}
                  {alignmentNote ? (
                    <p className="alignment-note">
                      <LocalizedText value={alignmentNote} untranslatedLabel={untranslated} />
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">{t("Clause.assessmentsHeading")}</h2>
        {clause.assessments.length === 0 ? <p className="muted">{t("Clause.noAssessments")}</p> : null}
        <div className="party-cards">
          {parties.map((party) => {
            const assessments = clause.assessments.filter((a) => a.partyId === party.id);
            const touched = clause.redLines.find((r) => r.partyId === party.id)?.touched ?? [];
            if (assessments.length === 0 && touched.length === 0) return null;
            return (
              <article key={party.id} className="party-card" aria-labelledby={`party-${party.id}`}>
                <h3 id={`party-${party.id}`}>
                  <Link href={`/parties/${party.id}`}>
                    <LocalizedText value={localize(lang, party.name, party.nameJa)} untranslatedLabel={untranslated} />
                  </Link>
                </h3>
                {touched.length > 0 ? (
                  <p className="red-line-mark">
                    {t("Clause.redLinesTouched", {
                      dimensions: touched.map((r) => dimensionLabel(r.dimensionId)).join(", "),
                    })}
                  </p>
                ) : null}
                {assessments.map((a) => (
                  <div key={a.id} className="assessment">
                    <dl className="facts">
                      <dt>{t("Clause.score")}</dt>
                      <dd>
                        <ScoreBadge score={a.score} lang={lang} />
                      </dd>
                      <dt>{t("Clause.confidence")}</dt>
                      <dd>{t(`Clause.confidenceLevel.${a.confidence as "high" | "medium" | "low"}`)}</dd>
                      <dt>{t("Clause.coder")}</dt>
                      <dd>{a.coder.name}</dd>
                      <dt>{t("Clause.rationale")}</dt>
                      <dd>
                        <LocalizedText
                          value={localize(lang, a.rationale, a.rationaleJa)}
                          untranslatedLabel={untranslated}
                        />
                      </dd>
                    </dl>
                    <details className="evidence">
                      <summary>
                        {t("Clause.evidence")} ({a.evidence.length})
                      </summary>
                      {a.evidence.length === 0 ? <p className="muted">{t("Clause.noEvidence")}</p> : null}
                      {a.evidence.map((p) => (
                        <PositionItem key={p.id} position={p} />
                      ))}
                    </details>
                  </div>
                ))}
              </article>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="related-heading">
        <h2 id="related-heading">{t("Clause.relatedHeading")}</h2>
        {clause.relatedPositions.length === 0 ? <p className="muted">{t("Clause.noRelated")}</p> : null}
        {clause.relatedPositions.map((p) => (
          <PositionItem key={p.id} position={p} />
        ))}
      </section>

      <ClauseTimeline clauseId={clause.id} actor={actor} />
    </div>
  );
}

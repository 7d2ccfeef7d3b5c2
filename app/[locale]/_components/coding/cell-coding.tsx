"use client";

import { useCallback, useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";
import { getScoreLevel, type TConfidence, type TScore } from "@/lib/domain/scale";
import type { TCellCoding, TCodeView, TTimelineEntry } from "@/lib/server/coding";
import { CodeForm, useScoreLabel } from "./code-form";
import "../../../coding.css";

type TLoad =
  { status: "loading" } | { status: "signed-out" } | { status: "error" } | { status: "ready"; data: TCellCoding };

/**
 * The coding part of a cell's evidence panel, for signed-in accounts: the viewer's own code, the other coders'
 * codes once the blind rule allows, the consensus (with its form for adjudicators) and the cell's history.
 * Anonymous readers get nothing here (the API answers 401 and the section stays empty).
 */
export function CellCoding(props: { documentId: string; clauseNumber: string; partyId: string; onSaved: () => void }) {
  const { documentId, clauseNumber, partyId, onSaved } = props;
  const t = useTranslations("Coding");
  const router = useRouter();
  const [load, setLoad] = useState<TLoad>({ status: "loading" });
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ document: documentId, clause: clauseNumber, party: partyId });
    fetch(`/api/codes/cell?${params}`, { signal: controller.signal })
      .then(async (response) => {
        if (response.status === 401) return setLoad({ status: "signed-out" });
        const body = await response.json();
        setLoad(body.ok ? { status: "ready", data: body.data } : { status: "error" });
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === "AbortError")) setLoad({ status: "error" });
      });
    return () => controller.abort();
  }, [documentId, clauseNumber, partyId, revision]);

  const saved = useCallback(() => {
    setRevision((n) => n + 1);
    onSaved();
    router.refresh();
  }, [onSaved, router]);

  if (load.status === "signed-out") return null;
  if (load.status === "loading") return <p className="muted">{t("loading")}</p>;
  if (load.status === "error") return <p role="alert">{t("loadFailed")}</p>;
  const { data } = load;
  const headingId = `coding-${clauseNumber}-${partyId}`;
  return (
    <section className="cell-coding" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("heading")}</h3>
      {data.viewer.canCode ? (
        <CodeForm
          key="code"
          kind="code"
          clauseId={data.clauseId}
          partyId={data.partyId}
          initial={data.mine}
          positions={data.positions}
          onSaved={saved}
        />
      ) : null}
      <section className="coding-others" aria-labelledby={`${headingId}-others`}>
        <h4 id={`${headingId}-others`}>{t("othersHeading")}</h4>
        {data.othersHidden ? (
          <p className="muted coding-blind">{t("othersHidden")}</p>
        ) : data.others.length === 0 ? (
          <p className="muted">{t("noOthers")}</p>
        ) : (
          <ul className="code-list">
            {data.others.map((code) => (
              <li key={code.assessmentId}>
                <CodeSummary code={code} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="coding-consensus" aria-labelledby={`${headingId}-consensus`}>
        <h4 id={`${headingId}-consensus`}>{t("consensusHeading")}</h4>
        {data.consensus ? <CodeSummary code={data.consensus} /> : <p className="muted">{t("noConsensus")}</p>}
        {data.viewer.canAdjudicate ? (
          <CodeForm
            key="consensus"
            kind="consensus"
            clauseId={data.clauseId}
            partyId={data.partyId}
            initial={data.consensus}
            positions={data.positions}
            onSaved={saved}
          />
        ) : null}
      </section>
      <CellTimeline entries={data.timeline} headingId={`${headingId}-timeline`} />
    </section>
  );
}

function CodeSummary({ code }: { code: TCodeView }) {
  const t = useTranslations("Coding");
  const scoreLabel = useScoreLabel();
  const key = getScoreLevel(code.score as TScore).key;
  return (
    <div className="code-summary" data-coder={code.coder.id}>
      <p>
        <strong>{code.coder.kind === "consensus" ? t("consensusHeading") : code.coder.name}</strong>{" "}
        <span className={`score score-${key}`}>{scoreLabel(code.score)}</span>{" "}
        <span className="muted">
          {t(`confidenceLevel.${code.confidence as TConfidence}`)} · {t("version", { version: code.version })} ·{" "}
          {t("evidenceCount", { count: code.evidence.length })}
        </span>
      </p>
      {code.rationale ? <p className="code-rationale">{code.rationale}</p> : null}
    </div>
  );
}

function CellTimeline({ entries, headingId }: { entries: TTimelineEntry[]; headingId: string }) {
  const t = useTranslations("Coding");
  const format = useFormatter();
  const scoreLabel = useScoreLabel();
  const score = (change: TTimelineEntry["before"]) =>
    change && change.score !== undefined ? scoreLabel(change.score) : null;
  return (
    <section className="cell-timeline" aria-labelledby={headingId}>
      <h4 id={headingId}>{t("timelineHeading")}</h4>
      {entries.length === 0 ? <p className="muted">{t("noTimeline")}</p> : null}
      <ol>
        {entries.map((e) => {
          const before = score(e.before);
          const after = score(e.after);
          return (
            <li key={e.id}>
              <time dateTime={e.at}>
                {format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}
              </time>{" "}
              {t("timelineEntry", {
                actor: e.actor ?? t("someone"),
                action: t.has(`action.${e.action}`) ? t(`action.${e.action}`) : e.action,
                coder: e.coder?.kind === "consensus" ? t("consensusHeading") : (e.coder?.name ?? "—"),
              })}
              {after !== null ? (
                <span className="muted"> · {before !== null ? t("changed", { before, after }) : after}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

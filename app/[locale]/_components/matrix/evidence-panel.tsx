"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { TCellEvidence } from "@/lib/server/matrix";
import { CellCoding } from "../coding/cell-coding";
import { LocalizedText } from "../localized-text";
import { PositionItem } from "../position-item";
import { useDateFormatter } from "../format";

type TState = { status: "loading" } | { status: "error" } | { status: "ready"; data: TCellEvidence };

/**
 * One cell's evidence: the assessment (score, rationale, confidence, coder), every position behind it and every
 * red line it touches, each with its sources. Loaded from the JSON API when opened; Escape closes it and returns
 * focus to the cell.
 */
export function EvidencePanel(props: {
  documentId: string;
  clauseNumber: string;
  partyId: string;
  partyName: string;
  coder: string;
  asOf: string | null;
  lang: string;
  dimensionLabels: Record<string, string>;
  /** The cell's assessment was carried from an earlier version and needs review. */
  inherited?: boolean;
  onClose: () => void;
}) {
  const { documentId, clauseNumber, partyId, partyName, coder, asOf, lang, dimensionLabels, onClose } = props;
  const ti = useTranslations("Import");
  const t = useTranslations("Matrix");
  const tc = useTranslations("Clause");
  const tr = useTranslations("Releases");
  const tb = useTranslations("Coding");
  const untranslated = useTranslations("Site")("untranslated");
  const formatDate = useDateFormatter();
  const [state, setState] = useState<TState>({ status: "loading" });
  const [revision, setRevision] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ clause: clauseNumber, party: partyId, coder, lang });
    if (asOf) params.set("asOf", asOf);
    fetch(`/api/documents/${documentId}/matrix/cell?${params}`, { signal: controller.signal })
      .then(async (response) => {
        const body = await response.json();
        setState(body.ok ? { status: "ready", data: body.data } : { status: "error" });
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === "AbortError")) setState({ status: "error" });
      });
    return () => controller.abort();
  }, [documentId, clauseNumber, partyId, coder, asOf, lang, revision]);

  useEffect(() => headingRef.current?.focus(), []);

  const titleId = `evidence-title-${clauseNumber}-${partyId}`;
  return (
    <aside
      className="evidence-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="evidence-panel-head">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {t("evidenceTitle", { number: clauseNumber, party: partyName })}
        </h2>
        <button type="button" onClick={onClose} aria-label={t("close")}>
          ×
        </button>
      </div>
      {state.status === "loading" ? <p aria-live="polite">{t("loading")}</p> : null}
      {state.status === "error" ? <p role="alert">{t("loadFailed")}</p> : null}
      {state.status === "ready" ? (
        <div className="evidence-panel-body">
          <p>
            <LocalizedText value={state.data.clause.title} untranslatedLabel={untranslated} />{" "}
            <Link href={`/clauses/${documentId}/${clauseNumber}`}>{t("openClause", { number: clauseNumber })}</Link>
          </p>
          {state.data.assessment ? (
            <>
              {props.inherited ? <p className="inherited-mark">{ti("inheritedPanel")}</p> : null}
              <dl className="facts">
                <dt>{tc("score")}</dt>
                <dd>
                  <span className={`score score-${state.data.assessment.key}`}>{state.data.assessment.label}</span>
                </dd>
                <dt>{tc("confidence")}</dt>
                <dd>{tc(`confidenceLevel.${state.data.assessment.confidence as "high" | "medium" | "low"}`)}</dd>
                <dt>{tc("coder")}</dt>
                <dd>{state.data.assessment.coder.name}</dd>
                <dt>{tc("rationale")}</dt>
                <dd>
                  <LocalizedText value={state.data.assessment.rationale} untranslatedLabel={untranslated} />
                </dd>
              </dl>
              <h3>
                {tc("evidence")} ({state.data.assessment.evidence.length})
              </h3>
              {state.data.assessment.evidence.length === 0 ? <p className="muted">{tc("noEvidence")}</p> : null}
              {state.data.assessment.evidence.map((p) => (
                <PositionItem key={p.id} position={p} />
              ))}
              {state.data.assessment.laterEvidence.length > 0 && asOf ? (
                <>
                  <h3>{t("laterEvidenceHeading", { date: formatDate(asOf, asOf) })}</h3>
                  {state.data.assessment.laterEvidence.map((p) => (
                    <PositionItem key={p.id} position={p} />
                  ))}
                </>
              ) : null}
              {state.data.assessment.newEvidence ? (
                <section className="new-evidence" aria-labelledby={`${titleId}-new`}>
                  <h3 id={`${titleId}-new`}>
                    {tr("newEvidenceHeading", { release: state.data.assessment.newEvidence.releaseId })} (
                    {state.data.assessment.newEvidence.positions.length})
                  </h3>
                  <p className="muted">
                    {tr("newEvidenceExplain", { codedOn: state.data.assessment.newEvidence.codedOnReleaseId })}
                  </p>
                  {state.data.assessment.newEvidence.positions.map((p) => (
                    <PositionItem key={p.id} position={p} />
                  ))}
                </section>
              ) : null}
            </>
          ) : state.data.blind ? (
            <p className="muted coding-blind">{tb("blindPanel")}</p>
          ) : (
            <p className="muted">{t("noAssessment")}</p>
          )}
          <h3>{t("redLinesHeading")}</h3>
          {state.data.redLines.length === 0 ? <p className="muted">{t("noRedLines")}</p> : null}
          {state.data.redLines.map((r) => (
            <section key={r.dimensionId} aria-label={dimensionLabels[r.dimensionId] ?? r.dimensionId}>
              <h4 className="red-line-mark">{dimensionLabels[r.dimensionId] ?? r.dimensionId}</h4>
              {r.positions.map((p) => (
                <PositionItem key={p.id} position={p} />
              ))}
            </section>
          ))}
          <CellCoding
            documentId={documentId}
            clauseNumber={clauseNumber}
            partyId={partyId}
            onSaved={() => setRevision((n) => n + 1)}
          />
        </div>
      ) : null}
    </aside>
  );
}

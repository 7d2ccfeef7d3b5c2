"use client";

import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { localize, type TLang } from "@/lib/domain/localize";
import { CONFIDENCES, SCALE, getScoreLevel, type TConfidence, type TScore } from "@/lib/domain/scale";
import { POSITION_KIND_LABELS, type TPositionKind } from "@/lib/domain/vocabulary";
import type { TPositionView } from "@/lib/data/positions.repository";
import { saveCodeAction, saveConsensusAction, type TCodingResult } from "@/lib/server/coding.actions";
import type { TCodeView } from "@/lib/server/coding";
import { useDateFormatter } from "../format";

type TDraft = { score: string; confidence: TConfidence; rationale: string; evidence: string[] };

type TStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; version: number }
  | { kind: "conflict"; current: TCodeView | null }
  | { kind: "error"; code: string; message: string; fieldErrors: Record<string, string[]> };

/** "none" stands for null ("no stated position") in the select; "" for nothing chosen yet. */
function toScoreValue(score: number | null): string {
  return score === null ? "none" : String(score);
}

function toDraft(code: TCodeView | null): TDraft {
  return code
    ? {
        score: toScoreValue(code.score),
        confidence: code.confidence as TConfidence,
        rationale: code.rationale,
        evidence: code.evidence,
      }
    : { score: "", confidence: "medium", rationale: "", evidence: [] };
}

export function useScoreLabel(): (score: number | null) => string {
  const lang = useLocale() as TLang;
  return (score) => {
    const level = getScoreLevel(score as TScore);
    const label = lang === "ja" ? level.labelJa : level.label;
    return score === null ? label : `${score > 0 ? "+" : score < 0 ? "−" : ""}${Math.abs(score)} ${label}`;
  };
}

/**
 * A code form: the viewer's own code of a cell, or (kind "consensus") the cell's consensus value. Saving sends the
 * version the form was loaded at; if someone saved in between, the server refuses (409) and the form shows the
 * current copy with two ways on: load it into the form, or keep this draft and send it again over that version.
 */
export function CodeForm(props: {
  kind: "code" | "consensus";
  clauseId: string;
  partyId: string;
  initial: TCodeView | null;
  positions: TPositionView[];
  onSaved: (code: TCodeView) => void;
}) {
  const { kind, clauseId, partyId, initial, positions, onSaved } = props;
  const t = useTranslations("Coding");
  const lang = useLocale() as TLang;
  const formatDate = useDateFormatter();
  const scoreLabel = useScoreLabel();
  const id = useId();
  const [draft, setDraft] = useState<TDraft>(() => toDraft(initial));
  const [version, setVersion] = useState<number | undefined>(initial?.version);
  const [status, setStatus] = useState<TStatus>({ kind: "idle" });
  const noPosition = draft.score === "none";

  async function submit(over: number | undefined) {
    if (draft.score === "") {
      setStatus({ kind: "error", code: "BAD_REQUEST", message: "", fieldErrors: { score: [t("chooseScore")] } });
      return;
    }
    setStatus({ kind: "saving" });
    const input = {
      clauseId,
      partyId,
      score: draft.score === "none" ? null : Number(draft.score),
      rationale: draft.rationale,
      confidence: draft.confidence,
      evidence: noPosition ? [] : draft.evidence,
      ...(over !== undefined ? { version: over } : {}),
    };
    let result: TCodingResult;
    try {
      result = await (kind === "code" ? saveCodeAction(input) : saveConsensusAction(input));
    } catch {
      result = { status: "error", code: "INTERNAL", message: "" };
    }
    if (result.status === "ok") {
      setVersion(result.code.version);
      setDraft(toDraft(result.code));
      setStatus({ kind: "saved", version: result.code.version });
      onSaved(result.code);
    } else if (result.status === "conflict") {
      setStatus({ kind: "conflict", current: result.current });
    } else {
      setStatus({ kind: "error", code: result.code, message: result.message, fieldErrors: result.fieldErrors ?? {} });
    }
  }

  const fieldErrors = status.kind === "error" ? status.fieldErrors : {};
  const errorOf = (field: string) =>
    fieldErrors[field]?.length ? (
      <span className="coding-field-error" id={`${id}-${field}-error`}>
        {fieldErrors[field].join(" ")}
      </span>
    ) : null;
  const describedBy = (field: string) => (fieldErrors[field]?.length ? `${id}-${field}-error` : undefined);
  const title = kind === "code" ? t("yourCode") : t("consensusForm");

  return (
    <form
      className="code-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(version);
      }}
    >
      <h4 id={`${id}-title`}>{title}</h4>
      {initial === null && version === undefined ? <p className="muted">{t(`${kind}New`)}</p> : null}
      <div className="code-form-row">
        <label htmlFor={`${id}-score`}>{t("score")}</label>
        <select
          id={`${id}-score`}
          value={draft.score}
          aria-invalid={fieldErrors.score ? true : undefined}
          aria-describedby={describedBy("score")}
          onChange={(e) => setDraft({ ...draft, score: e.target.value })}
        >
          <option value="">{t("chooseScore")}</option>
          {SCALE.map((level) => (
            <option key={level.key} value={toScoreValue(level.score)}>
              {scoreLabel(level.score)}
            </option>
          ))}
        </select>
        {errorOf("score")}
      </div>
      <div className="code-form-row">
        <label htmlFor={`${id}-confidence`}>{t("confidence")}</label>
        <select
          id={`${id}-confidence`}
          value={draft.confidence}
          onChange={(e) => setDraft({ ...draft, confidence: e.target.value as TConfidence })}
        >
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {t(`confidenceLevel.${c}`)}
            </option>
          ))}
        </select>
        {errorOf("confidence")}
      </div>
      <div className="code-form-row">
        <label htmlFor={`${id}-rationale`}>{t("rationale")}</label>
        <textarea
          id={`${id}-rationale`}
          rows={4}
          maxLength={5000}
          value={draft.rationale}
          aria-invalid={fieldErrors.rationale ? true : undefined}
          aria-describedby={describedBy("rationale")}
          onChange={(e) => setDraft({ ...draft, rationale: e.target.value })}
        />
        {errorOf("rationale")}
      </div>
      <fieldset className="code-form-evidence" disabled={noPosition} aria-describedby={describedBy("evidence")}>
        <legend>{t("evidence")}</legend>
        <p className="muted">{noPosition ? t("evidenceNoPosition") : t("evidenceHelp")}</p>
        {positions.length === 0 ? <p className="muted">{t("noPositions")}</p> : null}
        <ul>
          {positions.map((p) => {
            const kindLabel = POSITION_KIND_LABELS[p.kind as TPositionKind];
            const statement = localize(lang, p.statement, p.statementJa);
            return (
              <li key={p.id}>
                <label>
                  <input
                    type="checkbox"
                    value={p.id}
                    checked={!noPosition && draft.evidence.includes(p.id)}
                    onChange={(e) =>
                      setDraft({
                        ...draft,
                        evidence: e.target.checked
                          ? [...draft.evidence, p.id]
                          : draft.evidence.filter((x) => x !== p.id),
                      })
                    }
                  />{" "}
                  <span className="muted">
                    {formatDate(p.date, "—")} ·{" "}
                    {kindLabel ? (lang === "ja" ? kindLabel.labelJa : kindLabel.label) : p.kind}
                  </span>{" "}
                  <span lang={statement.lang}>{statement.text}</span>
                </label>
              </li>
            );
          })}
        </ul>
        {errorOf("evidence")}
      </fieldset>
      <p className="code-form-actions">
        <button type="submit" disabled={status.kind === "saving"}>
          {kind === "code" ? t("saveCode") : t("saveConsensus")}
        </button>{" "}
        <span role="status" aria-live="polite">
          {status.kind === "saving" ? t("saving") : null}
          {status.kind === "saved" ? t("saved", { version: status.version }) : null}
        </span>
      </p>
      {status.kind === "error" && status.message ? (
        <p role="alert" className="coding-field-error">
          {t.has(`error.${status.code}`) ? t(`error.${status.code}`) : t("error.INTERNAL")} {status.message}
        </p>
      ) : null}
      {status.kind === "conflict" ? (
        <div role="alert" className="code-conflict">
          <p>
            <strong>{t("conflictTitle")}</strong>{" "}
            {status.current ? t("conflictNow", { version: status.current.version }) : t("conflictGone")}
          </p>
          {status.current ? (
            <p>
              {scoreLabel(status.current.score)} · {t(`confidenceLevel.${status.current.confidence as TConfidence}`)}
              {status.current.rationale ? ` · ${status.current.rationale}` : ""}
            </p>
          ) : null}
          <p>
            <button
              type="button"
              onClick={() => {
                setDraft(toDraft(status.current));
                setVersion(status.current?.version);
                setStatus({ kind: "idle" });
              }}
            >
              {t("reload")}
            </button>{" "}
            <button type="button" onClick={() => void submit(status.current?.version)}>
              {t("keepMine")}
            </button>
          </p>
        </div>
      ) : null}
    </form>
  );
}

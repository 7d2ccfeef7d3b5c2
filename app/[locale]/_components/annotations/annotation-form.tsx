"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { ANNOTATION_VISIBILITIES, type TAnnotationVisibility } from "@/lib/domain/annotation/vocabulary";
import { ANNOTATION_PURPOSES, type TAnnotationPurpose } from "@/lib/domain/annotation/w3c";
import type { TAnnotationView } from "@/lib/domain/annotation/threads";
import type { TApiError } from "./api";
import { NoteBody } from "./note-body";

export type TNoteValues = {
  body: string;
  purpose: TAnnotationPurpose;
  visibility: TAnnotationVisibility;
  tags: string[];
};

/** A codebook dimension as the forms and chips show it, in the reader's language. */
export type TDimensionOption = { id: string; label: string; lang: string };

const ERROR_KEYS = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "INTERNAL",
  "NETWORK",
] as const;

/**
 * The fields of an annotation form, controlled by the caller: the note, and for a thread's first annotation its
 * purpose, visibility and tags. Replies have a note only.
 */
export function NoteFields({
  kind,
  values,
  onChange,
  dimensions,
  noteLabel,
}: {
  kind: "annotation" | "reply";
  values: TNoteValues;
  onChange: (values: TNoteValues) => void;
  dimensions: readonly TDimensionOption[];
  noteLabel: string;
}) {
  const t = useTranslations("Annotations");
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-body`}>{noteLabel}</label>
      <textarea
        id={`${id}-body`}
        name="body"
        required
        maxLength={10_000}
        rows={kind === "reply" ? 3 : 5}
        value={values.body}
        aria-describedby={`${id}-help`}
        onChange={(event) => onChange({ ...values, body: event.target.value })}
      />
      <p id={`${id}-help`} className="annotation-help">
        {t("noteHelp")}
      </p>
      {kind === "annotation" ? (
        <>
          <label htmlFor={`${id}-purpose`}>{t("purpose")}</label>
          <select
            id={`${id}-purpose`}
            name="purpose"
            value={values.purpose}
            onChange={(event) => onChange({ ...values, purpose: event.target.value as TAnnotationPurpose })}
          >
            {ANNOTATION_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`purposes.${p}`)}
              </option>
            ))}
          </select>
          <fieldset className="annotation-visibility">
            <legend>{t("visibility")}</legend>
            {ANNOTATION_VISIBILITIES.map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name={`${id}-visibility`}
                  value={v}
                  checked={values.visibility === v}
                  onChange={() => onChange({ ...values, visibility: v })}
                />{" "}
                {t(`visibilities.${v}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="annotation-tags">
            <legend>{t("tags")}</legend>
            {dimensions.map((d) => (
              <label key={d.id} lang={d.lang}>
                <input
                  type="checkbox"
                  name="tags"
                  value={d.id}
                  checked={values.tags.includes(d.id)}
                  onChange={(event) =>
                    onChange({
                      ...values,
                      tags: event.target.checked ? [...values.tags, d.id] : values.tags.filter((x) => x !== d.id),
                    })
                  }
                />{" "}
                {d.label}
              </label>
            ))}
          </fieldset>
        </>
      ) : null}
    </>
  );
}

/** An API error in the reader's language, with the server's field details (English) underneath. */
export function FormError({ error }: { error: TApiError | null }) {
  const t = useTranslations("Annotations");
  if (!error) return null;
  const key = (ERROR_KEYS as readonly string[]).includes(error.code) ? error.code : "INTERNAL";
  const details = Object.entries(error.fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages.map((m) => `${field}: ${m}`),
  );
  return (
    <div role="alert" className="annotation-error">
      <p>{t(`error.${key as (typeof ERROR_KEYS)[number]}`)}</p>
      {details.length > 0 ? (
        <ul lang="en">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * What a stale write shows: the copy as it stands now (or that it is gone), Reload (drop my text, show theirs)
 * and, when there is something to write over, Keep my text (send mine again against the current version).
 */
export function ConflictNotice({
  current,
  onReload,
  onKeepMine,
}: {
  current: TAnnotationView | null;
  onReload: () => void;
  onKeepMine?: () => void;
}) {
  const t = useTranslations("Annotations");
  return (
    <div role="alert" className="annotation-conflict">
      <p>{current ? t("conflict") : t("conflictDeleted")}</p>
      {current && current.body !== null ? (
        <>
          <p className="annotation-help">{t("conflictCurrent")}</p>
          <NoteBody source={current.body} />
        </>
      ) : null}
      <div className="annotation-actions">
        <button type="button" onClick={onReload}>
          {t("reload")}
        </button>
        {current && onKeepMine ? (
          <button type="button" onClick={onKeepMine}>
            {t("keepMine")}
          </button>
        ) : null}
      </div>
    </div>
  );
}

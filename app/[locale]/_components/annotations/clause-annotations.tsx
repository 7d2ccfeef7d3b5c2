"use client";

import "../../../annotations.css";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { buildHighlightSegments, findDrawableAnchors } from "@/lib/domain/annotation/highlights";
import type { TAnnotationThread, TAnnotationView } from "@/lib/domain/annotation/threads";
import type { TLocalized } from "@/lib/domain/localize";
import { can, type TActor } from "@/lib/domain/permissions";
import { sendAnnotationRequest, type TApiError } from "./api";
import { ConflictNotice, FormError, NoteFields, type TDimensionOption, type TNoteValues } from "./annotation-form";
import { NoteBody } from "./note-body";
import { TIME_FORMAT } from "./time-format";

type TSelection = { start: number; end: number; exact: string };

const EMPTY_NOTE: TNoteValues = { body: "", purpose: "commenting", visibility: "private", tags: [] };

/** The length of the text from the start of `container` to (node, offset): a DOM position as a UTF-16 offset. */
function offsetWithin(container: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selection inside `container` as offsets into `text`, trimmed of surrounding white space; null otherwise. */
function readSelection(container: HTMLElement, text: string): TSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  let start = offsetWithin(container, range.startContainer, range.startOffset);
  let end = offsetWithin(container, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start || end > text.length) return null;
  return { start, end, exact: text.slice(start, end) };
}

const subscribeToNothing = () => () => undefined;

function focusThread(id: string) {
  const element = document.getElementById(`annotation-${id}`);
  element?.scrollIntoView({ block: "nearest" });
  element?.focus();
}

/**
 * The clause text in the reader's language, with highlights on annotated words. Members who may annotate select
 * words in it (mouse, touch or keyboard selection) to open the form for a new annotation under the text; the
 * selection becomes UTF-16 offsets into exactly this text (the container holds nothing else), and the server
 * computes the selectors from them. Signed-out readers get a link to sign in. `data-ready` appears once the page
 * is interactive (hydrated), which browser tests wait for.
 */
export function AnnotatableClauseText({
  clauseId,
  text,
  untranslatedLabel,
  threads,
  viewer,
  dimensions,
}: {
  clauseId: string;
  text: TLocalized;
  untranslatedLabel: string;
  threads: TAnnotationThread[];
  viewer: TActor | null;
  dimensions: TDimensionOption[];
}) {
  const t = useTranslations("Annotations");
  const router = useRouter();
  const pathname = usePathname();
  const container = useRef<HTMLSpanElement>(null);
  const [selection, setSelection] = useState<TSelection | null>(null);
  const [values, setValues] = useState<TNoteValues>(EMPTY_NOTE);
  const [error, setError] = useState<TApiError | null>(null);
  const [status, setStatus] = useState("");
  const [pending, startTransition] = useTransition();
  const canCreate = can(viewer, "annotation:create");
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );

  useEffect(() => {
    if (!canCreate) return;
    const onSelectionChange = () => {
      if (!container.current) return;
      const next = readSelection(container.current, text.text);
      if (next) {
        setSelection(next);
        setStatus("");
      }
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [canCreate, text.text]);

  const segments = useMemo(
    () => buildHighlightSegments(text.text.length, findDrawableAnchors(threads, text.text, text.lang)),
    [threads, text.text, text.lang],
  );

  const cancel = () => {
    setSelection(null);
    setValues(EMPTY_NOTE);
    setError(null);
    document.getSelection()?.removeAllRanges();
  };

  const save = () =>
    startTransition(async () => {
      if (!selection) return;
      const result = await sendAnnotationRequest<TAnnotationView>("POST", "/api/annotations", {
        clauseId,
        ...values,
        selection,
        lang: text.lang,
      });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      cancel();
      setStatus(t("saved"));
      router.refresh();
    });

  return (
    <>
      <p className="clause-text">
        <span lang={text.lang} className={text.fallback ? "untranslated" : undefined}>
          <span
            ref={container}
            className={canCreate ? "annotatable-text" : undefined}
            data-annotatable-text={clauseId}
            data-ready={hydrated ? "true" : undefined}
          >
            {segments.map((segment) => {
              const words = text.text.slice(segment.start, segment.end);
              if (segment.ids.length === 0) return words;
              return (
                <mark
                  key={segment.start}
                  className="annotation-mark"
                  data-annotations={segment.ids.join(" ")}
                  title={t("highlightTitle", { count: segment.ids.length })}
                  aria-describedby={segment.ids.map((id) => `annotation-${id}-note`).join(" ")}
                  onClick={() => focusThread(segment.ids[0])}
                >
                  {words}
                </mark>
              );
            })}
          </span>
          {text.fallback ? (
            <>
              {" "}
              <abbr className="untranslated-mark" title={untranslatedLabel} aria-label={untranslatedLabel}>
                EN
              </abbr>
            </>
          ) : null}
        </span>
      </p>
      {!viewer ? (
        <p className="annotation-hint">
          <Link href={{ pathname: "/sign-in", query: { next: pathname } }}>{t("signInToAnnotate")}</Link>
        </p>
      ) : !canCreate ? (
        <p className="annotation-hint muted">{t("readOnlyRole")}</p>
      ) : selection ? (
        <form
          className="annotation-form"
          aria-label={t("newHeading")}
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <p className="annotation-form-title">{t("newHeading")}</p>
          <figure className="annotation-selected">
            <figcaption>{t("selected")}</figcaption>
            <blockquote lang={text.lang}>{selection.exact}</blockquote>
          </figure>
          <NoteFields
            kind="annotation"
            values={values}
            onChange={setValues}
            dimensions={dimensions}
            noteLabel={t("note")}
          />
          <FormError error={error} />
          <div className="annotation-actions">
            <button type="submit" disabled={pending || values.body.trim() === ""}>
              {pending ? t("saving") : t("save")}
            </button>
            <button type="button" onClick={cancel}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <p className="annotation-hint muted">{t("selectHint")}</p>
      )}
      <p role="status" className="annotation-status">
        {status}
      </p>
    </>
  );
}

/** Replies, edits and deletions refresh the server-rendered page data (threads and timeline) once saved. */
function useSavedRefresh() {
  const router = useRouter();
  const [status, setStatus] = useState("");
  return {
    status,
    done: (message: string) => {
      setStatus(message);
      router.refresh();
    },
  };
}

/** The threads of a clause: each annotation with its quote, note, tags and replies, and the actions allowed. */
export function AnnotationThreads({
  threads,
  viewer,
  dimensions,
  textLang,
}: {
  threads: TAnnotationThread[];
  viewer: TActor | null;
  dimensions: TDimensionOption[];
  textLang: string;
}) {
  const t = useTranslations("Annotations");
  const { status, done } = useSavedRefresh();
  return (
    <section aria-labelledby="annotations-heading" className="annotations">
      <h2 id="annotations-heading">{t("heading")}</h2>
      <p className="muted">{threads.length === 0 ? t("none") : t("count", { count: threads.length })}</p>
      <p role="status" className="annotation-status">
        {status}
      </p>
      {threads.length > 0 ? (
        <ol className="annotation-threads">
          {threads.map((thread) => (
            <li key={thread.id}>
              <AnnotationItem
                item={thread}
                viewer={viewer}
                dimensions={dimensions}
                textLang={textLang}
                onSaved={done}
              />
              {thread.replies.length > 0 ? (
                <ol className="annotation-replies" aria-label={t("repliesLabel")}>
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <AnnotationItem
                        item={reply}
                        viewer={viewer}
                        dimensions={dimensions}
                        textLang={textLang}
                        onSaved={done}
                      />
                    </li>
                  ))}
                </ol>
              ) : null}
              {!thread.deleted && can(viewer, "annotation:create") ? (
                <ReplyForm parentId={thread.id} onSaved={() => done(t("replySaved"))} />
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

type TMode = "view" | "edit" | "confirm-delete";

function AnnotationItem({
  item,
  viewer,
  dimensions,
  textLang,
  onSaved,
}: {
  item: TAnnotationView;
  viewer: TActor | null;
  dimensions: TDimensionOption[];
  textLang: string;
  onSaved: (message: string) => void;
}) {
  const t = useTranslations("Annotations");
  const format = useFormatter();
  const router = useRouter();
  const [mode, setMode] = useState<TMode>("view");
  const [values, setValues] = useState<TNoteValues>(() => toValues(item));
  const [error, setError] = useState<TApiError | null>(null);
  const [conflict, setConflict] = useState<{ current: TAnnotationView | null } | null>(null);
  const [pending, startTransition] = useTransition();
  const isReply = item.parentId !== null;
  const titleId = `annotation-${item.id}-title`;
  const labelOf = (id: string) => dimensions.find((d) => d.id === id) ?? { id, label: id, lang: "en" };

  if (item.deleted) {
    return (
      <article id={`annotation-${item.id}`} tabIndex={-1} className="annotation annotation-deleted">
        <p className="muted">{t("deletedPlaceholder")}</p>
      </article>
    );
  }

  const close = () => {
    setMode("view");
    setError(null);
    setConflict(null);
  };

  const reload = () => {
    close();
    setValues(toValues(conflict?.current ?? item));
    router.refresh();
  };

  const handleFailure = (failure: TApiError) => {
    if (failure.code === "CONFLICT" && failure.current !== undefined) setConflict({ current: failure.current });
    else setError(failure);
  };

  const saveEdit = (version: number) =>
    startTransition(async () => {
      const payload = isReply ? { version, body: values.body } : { version, ...values };
      const result = await sendAnnotationRequest<TAnnotationView>(
        "PATCH",
        `/api/annotations/${encodeURIComponent(item.id)}`,
        payload,
      );
      if (!result.ok) return handleFailure(result.error);
      close();
      onSaved(t("changesSaved"));
    });

  const confirmDelete = (version: number) =>
    startTransition(async () => {
      const result = await sendAnnotationRequest<{ id: string }>(
        "DELETE",
        `/api/annotations/${encodeURIComponent(item.id)}?version=${version}`,
      );
      if (!result.ok) return handleFailure(result.error);
      close();
      onSaved(t("deletedDone"));
    });

  const canEdit = can(viewer, "annotation:update", { ownerId: item.author.id });
  const canDelete = can(viewer, "annotation:delete", { ownerId: item.author.id });
  const date = format.dateTime(new Date(item.createdAt), TIME_FORMAT);

  return (
    <article
      id={`annotation-${item.id}`}
      tabIndex={-1}
      className={`annotation${isReply ? " annotation-reply" : ""}`}
      aria-labelledby={titleId}
    >
      <header className="annotation-head">
        <h3 id={titleId} className="annotation-title">
          <span className={`annotation-purpose purpose-${item.purpose}`}>{t(`purposes.${item.purpose}`)}</span>{" "}
          <span className="annotation-byline">{t("byline", { name: item.author.name, date })}</span>
        </h3>
        {item.updatedAt !== item.createdAt ? <span className="muted">({t("edited")})</span> : null}
        {item.visibility === "private" ? <span className="annotation-badge badge-private">{t("private")}</span> : null}
        {item.anchorStatus === "needs-review" ? (
          <span className="annotation-badge badge-review">{t("needsReview")}</span>
        ) : null}
      </header>
      {isReply ? null : item.target ? (
        <figure className="annotation-quote">
          <blockquote lang={item.target.lang}>{item.target.exact}</blockquote>
          {item.target.lang !== textLang ? (
            <figcaption className="muted">{t(`onOtherText.${item.target.lang}`)}</figcaption>
          ) : null}
        </figure>
      ) : (
        <p className="muted">{t("wholeClause")}</p>
      )}
      {item.anchorStatus === "needs-review" ? <p className="annotation-help">{t("needsReviewHelp")}</p> : null}

      {conflict ? (
        <ConflictNotice
          current={conflict.current}
          onReload={reload}
          onKeepMine={mode === "edit" && conflict.current ? () => saveEdit(conflict.current!.version) : undefined}
        />
      ) : null}

      {mode === "edit" ? (
        <form
          className="annotation-form"
          onSubmit={(event) => {
            event.preventDefault();
            saveEdit(item.version);
          }}
        >
          <NoteFields
            kind={isReply ? "reply" : "annotation"}
            values={values}
            onChange={setValues}
            dimensions={dimensions}
            noteLabel={isReply ? t("replyLabel") : t("note")}
          />
          <FormError error={error} />
          <div className="annotation-actions">
            <button type="submit" disabled={pending || values.body.trim() === ""}>
              {pending ? t("saving") : t("saveChanges")}
            </button>
            <button
              type="button"
              onClick={() => {
                close();
                setValues(toValues(item));
              }}
            >
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div id={`annotation-${item.id}-note`}>
          <NoteBody source={item.body ?? ""} />
        </div>
      )}

      {item.tags.length > 0 ? (
        <ul className="chips annotation-tags-list" aria-label={t("tags")}>
          {item.tags.map((id) => {
            const d = labelOf(id);
            return (
              <li key={id} className="chip" lang={d.lang}>
                {d.label}
              </li>
            );
          })}
        </ul>
      ) : null}

      {mode === "confirm-delete" ? (
        <div className="annotation-confirm" role="group" aria-label={t("confirmDelete")}>
          <p>{t("confirmDelete")}</p>
          <FormError error={error} />
          <div className="annotation-actions">
            <button type="button" disabled={pending} onClick={() => confirmDelete(item.version)}>
              {t("confirmDeleteYes")}
            </button>
            <button type="button" onClick={close}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : mode === "view" && (canEdit || canDelete) ? (
        <div className="annotation-actions">
          {canEdit ? (
            <button
              type="button"
              onClick={() => {
                setValues(toValues(item));
                setMode("edit");
              }}
            >
              {t("edit")}
            </button>
          ) : null}
          {canDelete ? (
            <button type="button" onClick={() => setMode("confirm-delete")}>
              {t("delete")}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function toValues(item: TAnnotationView): TNoteValues {
  return {
    body: item.body ?? "",
    purpose: item.purpose === "replying" ? "commenting" : item.purpose,
    visibility: item.visibility,
    tags: item.tags,
  };
}

function ReplyForm({ parentId, onSaved }: { parentId: string; onSaved: () => void }) {
  const t = useTranslations("Annotations");
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<TNoteValues>(EMPTY_NOTE);
  const [error, setError] = useState<TApiError | null>(null);
  const [pending, startTransition] = useTransition();
  if (!open) {
    return (
      <div className="annotation-actions annotation-reply-open">
        <button type="button" onClick={() => setOpen(true)}>
          {t("reply")}
        </button>
      </div>
    );
  }
  const send = () =>
    startTransition(async () => {
      const result = await sendAnnotationRequest<TAnnotationView>("POST", "/api/annotations", {
        parentId,
        body: values.body,
      });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setValues(EMPTY_NOTE);
      setError(null);
      setOpen(false);
      onSaved();
    });
  return (
    <form
      className="annotation-form annotation-reply-form"
      aria-label={t("reply")}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <NoteFields kind="reply" values={values} onChange={setValues} dimensions={[]} noteLabel={t("replyLabel")} />
      <FormError error={error} />
      <div className="annotation-actions">
        <button type="submit" disabled={pending || values.body.trim() === ""}>
          {pending ? t("saving") : t("sendReply")}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

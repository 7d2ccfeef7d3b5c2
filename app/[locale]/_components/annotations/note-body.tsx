"use client";

import { useMemo, useSyncExternalStore } from "react";
import { renderNote } from "./render-note";

const subscribe = () => () => undefined;

/**
 * A note's Markdown, sanitised (render-note.ts). The server, which has no DOM to sanitise with, and the first
 * client render show the source as plain text; `data-note` says which one is on screen.
 */
export function NoteBody({ source }: { source: string }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const html = useMemo(() => (inBrowser ? renderNote(source) : null), [inBrowser, source]);
  if (html === null) {
    return (
      <div className="note-body" data-note="source">
        <p>{source}</p>
      </div>
    );
  }
  return <div className="note-body" data-note="rendered" dangerouslySetInnerHTML={{ __html: html }} />;
}

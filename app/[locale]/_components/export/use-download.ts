"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type TDownloadState =
  | { status: "idle" }
  | { status: "running"; label: string; received: number; total: number | null }
  | { status: "saved"; filename: string }
  | { status: "cancelled" }
  | { status: "failed"; message: string | null };

/** The file name a response names (RFC 6266: `filename*` first, then `filename`), else the fallback. */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** The message of the API's error shape, or null when the body is not one. */
async function errorMessageOf(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === "string" ? body.error.message : null;
  } catch {
    return null;
  }
}

/**
 * Downloads a file with progress: fetch, count the bytes as the stream arrives (against Content-Length when the
 * server sends one), then hand the bytes to the browser's save as a named file. An error answer shows the API's
 * message (e.g. the size cap's advice). One download at a time; a new one or `cancel` aborts the running one.
 */
export function useDownload() {
  const [state, setState] = useState<TDownloadState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (url: string, label: string) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: "running", label, received: 0, total: null });
    try {
      const response = await fetch(url, { signal: abort.signal });
      if (!response.ok || !response.body) {
        setState({ status: "failed", message: await errorMessageOf(response) });
        return;
      }
      const length = Number(response.headers.get("content-length"));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      const reader = response.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        received += value.byteLength;
        setState({ status: "running", label, received, total });
      }
      const filename = filenameOf(response.headers.get("content-disposition"), "redlines-export");
      const blob = new Blob(parts, { type: response.headers.get("content-type") ?? "application/octet-stream" });
      const href = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = href;
      link.download = filename;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
      setState({ status: "saved", filename });
    } catch (error) {
      if (abort.signal.aborted) setState({ status: "cancelled" });
      else setState({ status: "failed", message: error instanceof Error ? error.message : null });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, start, cancel };
}

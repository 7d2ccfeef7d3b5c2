/**
 * The browser side of the annotation API: JSON in, the one answer shape out. The session cookie authenticates;
 * `content-type: application/json` is what the API requires of writes (see lib/server/annotations.ts).
 */
import type { TAnnotationView } from "@/lib/domain/annotation/threads";

export type TApiError = {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** With CONFLICT: the annotation as it stands now, or null once deleted. */
  current?: TAnnotationView | null;
};

export type TApiResult<T> = { ok: true; data: T } | { ok: false; error: TApiError };

export async function sendAnnotationRequest<T>(
  method: "POST" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
): Promise<TApiResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as TApiResult<T>;
    if (typeof json === "object" && json !== null && "ok" in json) return json;
    return { ok: false, error: { code: "INTERNAL", message: `Unexpected answer (${response.status})` } };
  } catch {
    return { ok: false, error: { code: "NETWORK", message: "The server could not be reached" } };
  }
}

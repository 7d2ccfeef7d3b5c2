import "server-only";
import { AppError, httpStatusOf, type FieldErrors } from "@/lib/domain/errors";
import { withReadScope } from "./read-scope";
import { assertCanRead } from "./reading-gate";

/** The one JSON error shape of every API answer that is not a success. */
export type TErrorBody = {
  ok: false;
  error: { code: string; message: string; fieldErrors?: FieldErrors; current?: unknown };
};

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function jsonOk<T>(data: T, init?: ResponseInit): Response {
  return new Response(JSON.stringify({ ok: true, data }), { ...init, headers: { ...JSON_HEADERS, ...init?.headers } });
}

export function jsonError(error: unknown): Response {
  if (error instanceof AppError) {
    const body: TErrorBody = {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
        ...(error.current !== undefined ? { current: error.current } : {}),
      },
    };
    return new Response(JSON.stringify(body), { status: httpStatusOf(error.code), headers: JSON_HEADERS });
  }
  console.error("Unhandled error in an API route:", error);
  const body: TErrorBody = { ok: false, error: { code: "INTERNAL", message: "Internal error" } };
  return new Response(JSON.stringify(body), { status: 500, headers: JSON_HEADERS });
}

/**
 * Wraps a route handler so that every failure leaves as the error shape: AppError with its status, anything else
 * as a 500 that leaks nothing. GET requests are reads: they pass the reading gate first (open unless an admin
 * closed reading to anonymous visitors), and read the data version once for all their cached reads (read-scope.ts).
 */
export function handle<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      if (request.method !== "GET") return await handler(request, context);
      return await withReadScope(async () => {
        await assertCanRead(request.headers);
        return await handler(request, context);
      });
    } catch (error) {
      return jsonError(error);
    }
  };
}

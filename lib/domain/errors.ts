/**
 * The one error type of Redlines. Domain and data code throw `AppError`; route handlers and pages turn it into
 * the one JSON error shape (`{ ok: false, error: { code, message, fieldErrors?, current? } }`) or a not-found page.
 * Anything else that is thrown is an internal error: it is logged and answered as a generic 500 that leaks nothing.
 */
export const ERROR_CODES = [
  "BAD_REQUEST",
  "NOT_FOUND",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** With CONFLICT: the record as it stands now (null when it is gone), so a client can reload or merge. */
  readonly current?: unknown;

  constructor(code: ErrorCode, message: string, fieldErrors?: FieldErrors, current?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    if (current !== undefined) this.current = current;
  }
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case "BAD_REQUEST":
      return 400;
    case "UNAUTHORIZED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "CONFLICT":
      return 409;
    case "PAYLOAD_TOO_LARGE":
      return 413;
    case "INTERNAL":
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

export function badParameter(name: string, problem: string): AppError {
  return new AppError("BAD_REQUEST", `Parameter '${name}' ${problem}`, { [name]: [problem] });
}

export function notFound(what: string, id: string): AppError {
  return new AppError("NOT_FOUND", `No ${what} with id '${id}'`);
}

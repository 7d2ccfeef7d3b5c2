/** The API's error contract, independent of any route: AppError keeps its status; anything else leaks nothing. */
import { AppError, ERROR_CODES, httpStatusOf } from "@/lib/domain/errors";
import { handle, jsonError } from "@/lib/server/http";
import { expectErrorShape } from "../helpers/error-shape";

describe("the JSON error shape", () => {
  it.each(ERROR_CODES)("carries %s with its status", async (code) => {
    const response = jsonError(new AppError(code, `problem ${code}`));
    expect(response.status).toBe(httpStatusOf(code));
    expectErrorShape(await response.json(), code, new RegExp(`problem ${code}`));
  });

  it("keeps field errors", async () => {
    const body = await jsonError(new AppError("BAD_REQUEST", "bad", { asOf: ["must be a date"] })).json();
    expect(body.error.fieldErrors).toEqual({ asOf: ["must be a date"] });
  });

  it("carries the current copy of a record with a conflict, and only when given", async () => {
    const response = jsonError(new AppError("CONFLICT", "stale", undefined, { id: "a", version: 3 }));
    expect(response.status).toBe(409);
    const body = await response.json();
    expectErrorShape(body, "CONFLICT");
    expect(body.error.current).toEqual({ id: "a", version: 3 });
    const gone = await jsonError(new AppError("CONFLICT", "gone", undefined, null)).json();
    expect(gone.error.current).toBeNull();
    expect("current" in (await jsonError(new AppError("CONFLICT", "exists")).json()).error).toBe(false);
  });

  it("turns an unexpected error into a generic 500 without its message or stack", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const route = handle(async () => {
      throw new Error("SQLITE_CORRUPT at /secret/path/redlines.db");
    });
    const response = await route(new Request("http://localhost/api/x"), {});
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/secret|SQLITE|stack/i);
    expectErrorShape(JSON.parse(text), "INTERNAL");
    spy.mockRestore();
  });
});

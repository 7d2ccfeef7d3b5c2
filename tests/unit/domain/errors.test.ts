import { AppError, ERROR_CODES, badParameter, httpStatusOf, notFound } from "@/lib/domain/errors";

describe("AppError", () => {
  it("maps every code to an HTTP status", () => {
    const statuses = Object.fromEntries(ERROR_CODES.map((c) => [c, httpStatusOf(c)]));
    expect(statuses).toEqual({
      BAD_REQUEST: 400,
      NOT_FOUND: 404,
      UNAUTHORIZED: 401,
      FORBIDDEN: 403,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      INTERNAL: 500,
    });
  });

  it("names the parameter in a bad-parameter error", () => {
    const error = badParameter("asOf", "must be a date");
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("asOf");
    expect(error.fieldErrors).toEqual({ asOf: ["must be a date"] });
    expect(notFound("party", "xx").message).toBe("No party with id 'xx'");
  });
});

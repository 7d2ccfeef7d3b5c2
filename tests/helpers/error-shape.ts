/**
 * Asserts the one error shape every API error uses: { ok: false, error: { code, message, fieldErrors?, current? } }
 * (`current`: the record as it stands, with a CONFLICT).
 */
export function expectErrorShape(body: unknown, code: string, message?: RegExp): void {
  expect(body).toEqual({
    ok: false,
    error: expect.objectContaining({ code, message: expect.any(String) }),
  });
  const error = (body as { error: Record<string, unknown> }).error;
  expect(Object.keys(error).every((k) => ["code", "message", "fieldErrors", "current"].includes(k))).toBe(true);
  if (message) expect(error.message).toMatch(message);
}

import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDatabaseProvider, getDatabaseUrl } from "@/lib/data/database-url";
import { getDb } from "@/lib/data/db";
import { getAuthSecret } from "./auth-secret";

/**
 * Accounts through better-auth: email and password, sessions stored in the database, HttpOnly SameSite=Lax
 * cookies. Its HTTP endpoints are not mounted: sign-in, sign-out, first-admin setup and member creation are server
 * actions (lib/server/account.actions.ts) that call `auth.api` and check permissions first, so there is no public
 * sign-up.
 */
const COOKIE_PREFIX = "redlines";

/**
 * Whether the request carries a session cookie at all (`redlines.session_token`, `__Secure-` prefixed over HTTPS).
 * Without one there is no session to look up, and an anonymous read skips better-auth entirely.
 */
export function hasSessionCookie(headers: Headers): boolean {
  return headers.get("cookie")?.includes(`${COOKIE_PREFIX}.session_token=`) ?? false;
}

function createAuth() {
  return betterAuth({
    database: prismaAdapter(getDb(), { provider: getDatabaseProvider(getDatabaseUrl()) }),
    secret: getAuthSecret(),
    baseURL: process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    emailAndPassword: { enabled: true, minPasswordLength: 10, autoSignIn: false },
    user: { additionalFields: { role: { type: "string", defaultValue: "viewer", input: false } } },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    advanced: { defaultCookieAttributes: { httpOnly: true, sameSite: "lax" }, cookiePrefix: COOKIE_PREFIX },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type TAuth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { redlinesAuth?: TAuth };

export function getAuth(): TAuth {
  globalForAuth.redlinesAuth ??= createAuth();
  return globalForAuth.redlinesAuth;
}

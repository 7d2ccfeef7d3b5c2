"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/domain/errors";
import { getAuth } from "./auth";
import {
  changeRole,
  createFirstAdmin,
  createMember,
  issueApiToken,
  revokeApiToken,
  setReadingClosed,
} from "./accounts";
import { requirePermission } from "./authz";

/** What a form shows after an action: nothing yet, a success message (and a one-time secret), or the errors. */
/** `key` names a message of the "Account" catalogue; `message` carries the server's own detail (English). */
export type TFormState =
  | { status: "idle" }
  | { status: "ok"; key: string; secret?: string }
  | { status: "error"; key: string; message?: string; fieldErrors?: Record<string, string[]> };

function toErrorState(error: unknown): TFormState {
  if (error instanceof AppError) {
    return { status: "error", key: `error.${error.code}`, message: error.message, fieldErrors: error.fieldErrors };
  }
  console.error("Account action failed:", error);
  return { status: "error", key: "error.INTERNAL" };
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Safe internal path to return to after signing in (never another origin). */
function safeNext(value: string, fallback: string): string {
  return value.startsWith("/") && !value.startsWith("//") ? value : fallback;
}

export async function setupAction(_: TFormState, form: FormData): Promise<TFormState> {
  const input = { name: field(form, "name"), email: field(form, "email"), password: field(form, "password") };
  try {
    await createFirstAdmin(input);
    await getAuth().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: await headers(),
    });
  } catch (error) {
    return toErrorState(error);
  }
  redirect(safeNext(field(form, "next"), "/admin"));
}

export async function signInAction(_: TFormState, form: FormData): Promise<TFormState> {
  try {
    await getAuth().api.signInEmail({
      body: { email: field(form, "email"), password: field(form, "password") },
      headers: await headers(),
    });
  } catch {
    return { status: "error", key: "badCredentials" };
  }
  redirect(safeNext(field(form, "next"), "/"));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/");
}

export async function createMemberAction(_: TFormState, form: FormData): Promise<TFormState> {
  try {
    const actor = await requirePermission(await headers(), "member:manage");
    await createMember(actor, {
      name: field(form, "name"),
      email: field(form, "email"),
      password: field(form, "password"),
      role: field(form, "role"),
    });
    return { status: "ok", key: "accountCreated" };
  } catch (error) {
    return toErrorState(error);
  }
}

export async function changeRoleAction(_: TFormState, form: FormData): Promise<TFormState> {
  try {
    const actor = await requirePermission(await headers(), "member:manage");
    await changeRole(actor, field(form, "userId"), field(form, "role"));
    return { status: "ok", key: "roleChanged" };
  } catch (error) {
    return toErrorState(error);
  }
}

export async function issueTokenAction(_: TFormState, form: FormData): Promise<TFormState> {
  try {
    const actor = await requirePermission(await headers(), "token:issue");
    const token = await issueApiToken(actor, field(form, "userId"), field(form, "name"));
    return { status: "ok", key: "tokenShownOnce", secret: token };
  } catch (error) {
    return toErrorState(error);
  }
}

export async function revokeTokenAction(_: TFormState, form: FormData): Promise<TFormState> {
  try {
    const actor = await requirePermission(await headers(), "token:issue");
    await revokeApiToken(actor, field(form, "tokenId"));
    return { status: "ok", key: "tokenRevoked" };
  } catch (error) {
    return toErrorState(error);
  }
}

export async function readingAction(_: TFormState, form: FormData): Promise<TFormState> {
  try {
    const actor = await requirePermission(await headers(), "settings:edit");
    await setReadingClosed(actor, field(form, "reading") === "closed");
    return { status: "ok", key: "saved" };
  } catch (error) {
    return toErrorState(error);
  }
}

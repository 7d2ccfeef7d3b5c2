"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import {
  changeRoleAction,
  createMemberAction,
  issueTokenAction,
  readingAction,
  revokeTokenAction,
  setupAction,
  signInAction,
  type TFormState,
} from "@/lib/server/account.actions";
import { ROLES } from "@/lib/domain/permissions";
import { FormStatus } from "./form-status";

const idle: TFormState = { status: "idle" };

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("Account");
  const [state, action, pending] = useActionState(signInAction, idle);
  return (
    <form action={action} className="stack-form">
      <input type="hidden" name="next" value={next} />
      <label>
        {t("email")}
        <input type="email" name="email" autoComplete="username" required />
      </label>
      <label>
        {t("password")}
        <input type="password" name="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={pending}>
        {t("signIn")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

function AccountFields() {
  const t = useTranslations("Account");
  return (
    <>
      <label>
        {t("name")}
        <input type="text" name="name" autoComplete="name" required maxLength={120} />
      </label>
      <label>
        {t("email")}
        <input type="email" name="email" autoComplete="email" required />
      </label>
      <label>
        {t("password")} <span className="muted">({t("passwordHelp")})</span>
        <input type="password" name="password" autoComplete="new-password" required minLength={10} />
      </label>
    </>
  );
}

export function SetupForm() {
  const t = useTranslations("Account");
  const [state, action, pending] = useActionState(setupAction, idle);
  return (
    <form action={action} className="stack-form">
      <AccountFields />
      <button type="submit" disabled={pending}>
        {t("createAdmin")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

function RoleSelect({ defaultValue, label }: { defaultValue: string; label: string }) {
  const t = useTranslations("Account");
  return (
    <select name="role" defaultValue={defaultValue} aria-label={label}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </select>
  );
}

export function CreateMemberForm() {
  const t = useTranslations("Account");
  const [state, action, pending] = useActionState(createMemberAction, idle);
  return (
    <form action={action} className="stack-form">
      <AccountFields />
      <label>
        {t("role")}
        <RoleSelect defaultValue="coder" label={t("role")} />
      </label>
      <p className="muted">{t("roleHelp")}</p>
      <button type="submit" disabled={pending}>
        {t("createMember")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function ChangeRoleForm({ userId, role, label }: { userId: string; role: string; label: string }) {
  const t = useTranslations("Account");
  const [state, action, pending] = useActionState(changeRoleAction, idle);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <RoleSelect defaultValue={role} label={label} />
      <button type="submit" disabled={pending}>
        {t("changeRole")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function IssueTokenForm({ userId }: { userId: string }) {
  const t = useTranslations("Account");
  const [state, action, pending] = useActionState(issueTokenAction, idle);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="text" name="name" placeholder={t("tokenName")} aria-label={t("tokenName")} required maxLength={80} />
      <button type="submit" disabled={pending}>
        {t("issueToken")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function RevokeTokenForm({ tokenId }: { tokenId: string }) {
  const t = useTranslations("Account");
  const [state, action, pending] = useActionState(revokeTokenAction, idle);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={pending}>
        {t("revoke")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function ReadingForm({ closed }: { closed: boolean }) {
  const t = useTranslations("Account");
  const [state, action, pending] = useActionState(readingAction, idle);
  return (
    <form action={action} className="stack-form">
      <label>
        <input type="radio" name="reading" value="open" defaultChecked={!closed} /> {t("readingOpen")}
      </label>
      <label>
        <input type="radio" name="reading" value="closed" defaultChecked={closed} /> {t("readingClosed")}
      </label>
      <button type="submit" disabled={pending}>
        {t("save")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

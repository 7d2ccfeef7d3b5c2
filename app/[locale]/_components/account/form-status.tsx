"use client";

import { useTranslations } from "next-intl";
import type { TFormState } from "@/lib/server/account.actions";

/** The outcome of an account form, announced to screen readers; a one-time secret shown once, selectable. */
export function FormStatus({ state }: { state: TFormState }) {
  const t = useTranslations("Account");
  if (state.status === "idle") return <p role="status" className="form-status" />;
  if (state.status === "ok") {
    return (
      <div role="status" className="form-status form-ok">
        <p>{t(state.key)}</p>
        {state.secret ? (
          <p>
            <code className="secret" data-testid="one-time-secret">
              {state.secret}
            </code>
          </p>
        ) : null}
      </div>
    );
  }
  const fieldMessages = Object.entries(state.fieldErrors ?? {}).flatMap(([name, messages]) =>
    messages.map((m) => `${name}: ${m}`),
  );
  return (
    <div role="alert" className="form-status form-error">
      <p>{t(state.key)}</p>
      {fieldMessages.length ? (
        <ul lang="en">
          {fieldMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : state.message ? (
        <p lang="en">{state.message}</p>
      ) : null}
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Common");
  return (
    <div className="page">
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorBody")}</p>
      <button type="button" onClick={() => reset()}>
        {t("retry")}
      </button>
    </div>
  );
}

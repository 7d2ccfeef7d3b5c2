"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/i18n/navigation";

/** Switches between English and Japanese on the same view, keeping its query (filters, sort, dates). */
export function LanguageSwitch() {
  const t = useTranslations("Site");
  const locale = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const other = locale === "ja" ? "en" : "ja";
  const query = Object.fromEntries(searchParams.entries());
  return (
    <Link
      className="language-switch"
      href={{ pathname, query }}
      locale={other}
      hrefLang={other}
      lang={other}
      title={t("switchToLabel")}
    >
      {t("switchTo")}
    </Link>
  );
}

import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations("Site");
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="site-header-inner">
        <Link href="/" className="brand">
          {t("name")}
        </Link>
        <span className="tagline">{t("tagline")}</span>
        <nav aria-label={t("name")}>
          <ul>
            <li>
              <Link href="/">{t("nav.documents")}</Link>
            </li>
            <li>
              <Link href="/parties">{t("nav.parties")}</Link>
            </li>
            <li>
              <Link href="/codebook">{t("nav.codebook")}</Link>
            </li>
          </ul>
        </nav>
        <Suspense>
          <LanguageSwitch />
        </Suspense>
      </div>
    </header>
  );
}

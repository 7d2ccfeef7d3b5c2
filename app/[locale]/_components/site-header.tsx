import { Suspense } from "react";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { can } from "@/lib/domain/permissions";
import { signOutAction } from "@/lib/server/account.actions";
import { getActor } from "@/lib/server/authz";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const [t, ta, actor] = await Promise.all([
    getTranslations("Site"),
    getTranslations("Account"),
    getActor(await headers()),
  ]);
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
              <Link href="/compare">{t("nav.compare")}</Link>
            </li>
            <li>
              <Link href="/codebook">{t("nav.codebook")}</Link>
            </li>
            <li>
              <Link href="/dataset">{t("nav.dataset")}</Link>
            </li>
            {can(actor, "document:import") ? (
              <li>
                <Link href="/import">{t("nav.import")}</Link>
              </li>
            ) : null}
            {can(actor, "member:manage") ? (
              <li>
                <Link href="/admin">{ta("adminTitle")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="account">
          {actor ? (
            <form action={signOutAction} className="inline-form">
              <span className="muted">{ta("signedInAs", { name: actor.name, role: ta(`roles.${actor.role}`) })}</span>{" "}
              <button type="submit">{ta("signOut")}</button>
            </form>
          ) : (
            <Link href="/sign-in">{ta("signIn")}</Link>
          )}
        </div>
        <Suspense>
          <LanguageSwitch />
        </Suspense>
      </div>
    </header>
  );
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "../_components/account/account-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Account"))("signInTitle") };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("Account");
  const next = (await searchParams).next;
  return (
    <div className="page page-narrow">
      <h1>{t("signInTitle")}</h1>
      <p>{t("signInLead")}</p>
      <SignInForm next={typeof next === "string" ? next : "/"} />
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isSetupOpen } from "@/lib/server/accounts";
import { SetupForm } from "../_components/account/account-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Account"))("setupTitle") };
}

/** The one-time setup: open only while the database has no account. */
export default async function SetupPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("Account");
  const open = await isSetupOpen();
  return (
    <div className="page page-narrow">
      <h1>{t("setupTitle")}</h1>
      {open ? (
        <>
          <p>{t("setupLead")}</p>
          <SetupForm />
        </>
      ) : (
        <p>{t("setupClosed")}</p>
      )}
    </div>
  );
}

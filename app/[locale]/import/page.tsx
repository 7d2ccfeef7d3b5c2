import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { can } from "@/lib/domain/permissions";
import { isSlug } from "@/lib/domain/ids";
import { localize } from "@/lib/domain/localize";
import { findDocumentChoices } from "@/lib/data/compare.repository";
import { getActor } from "@/lib/server/authz";
import { ImportWizard } from "../_components/import/import-wizard";
import { requireReader } from "../_components/load";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Import"))("title") };
}

export default async function ImportPage({ params, searchParams }: TProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireReader(locale, "/import");
  const [t, actor, documents, search] = await Promise.all([
    getTranslations("Import"),
    getActor(await headers()),
    findDocumentChoices(),
    searchParams,
  ]);
  const lang = locale === "ja" ? "ja" : "en";
  const base = typeof search.base === "string" && isSlug(search.base) ? search.base : null;
  const access = !actor ? "anonymous" : can(actor, "document:import") ? "allowed" : "forbidden";
  return (
    <div className="page page-wide import-page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ImportWizard
        documents={documents.map((d) => ({
          id: d.id,
          label: `${localize(lang, d.title, d.titleJa).text} (${d.date})`,
        }))}
        initialBase={base && documents.some((d) => d.id === base) ? base : ""}
        access={access}
      />
    </div>
  );
}

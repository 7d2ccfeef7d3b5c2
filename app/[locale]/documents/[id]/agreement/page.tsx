import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { isSlug } from "@/lib/domain/ids";
import { getAgreement } from "@/lib/server/agreement";
import { getActor } from "@/lib/server/authz";
import { getDocumentReading } from "@/lib/server/reading";
import { AgreementView } from "../../../_components/coding/agreement-view";
import { loadOrNotFound } from "../../../_components/load";

type TProps = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale, id } = await params;
  const document = await loadOrNotFound(isSlug(id), () => getDocumentReading(id));
  const title = locale === "ja" ? (document.titleJa ?? document.title) : document.title;
  return { title: (await getTranslations("Coding"))("agreementTitle", { title }) };
}

/** Agreement between researchers on one document: for signed-in accounts (codes are workspace data). */
export default async function AgreementPage({ params }: TProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await getActor(await headers());
  if (!actor) redirect({ href: { pathname: "/sign-in", query: { next: `/documents/${id}/agreement` } }, locale });
  const report = await loadOrNotFound(isSlug(id), () => getAgreement(actor!, { documentId: id }));
  return <AgreementView report={report} />;
}

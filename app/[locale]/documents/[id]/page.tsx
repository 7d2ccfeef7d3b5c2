import type { Metadata } from "next";
import { cache } from "react";
import { setRequestLocale } from "next-intl/server";
import { isSlug } from "@/lib/domain/ids";
import { getDocumentReading } from "@/lib/server/reading";
import { DocumentView } from "../../_components/document-view";
import { loadOrNotFound, requireReader } from "../../_components/load";

type TProps = { params: Promise<{ locale: string; id: string }> };

const load = cache((id: string) => loadOrNotFound(isSlug(id), () => getDocumentReading(id)));

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale, id } = await params;
  const document = await load(id);
  return { title: locale === "ja" ? (document.titleJa ?? document.title) : document.title };
}

export default async function DocumentPage({ params }: TProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireReader(locale, `/documents/${id}`);
  return <DocumentView document={await load(id)} />;
}

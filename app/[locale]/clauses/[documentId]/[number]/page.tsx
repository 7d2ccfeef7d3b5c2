import type { Metadata } from "next";
import { cache } from "react";
import { setRequestLocale } from "next-intl/server";
import { isClauseNumber, isSlug } from "@/lib/domain/ids";
import { getClauseReading } from "@/lib/server/reading";
import { ClauseView } from "../../../_components/clause-view";
import { loadOrNotFound, requireReader } from "../../../_components/load";

type TProps = { params: Promise<{ locale: string; documentId: string; number: string }> };

const load = cache((documentId: string, number: string) =>
  loadOrNotFound(isSlug(documentId) && isClauseNumber(number), () => getClauseReading(documentId, number)),
);

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale, documentId, number } = await params;
  const clause = await load(documentId, decodeURIComponent(number));
  return { title: `${clause.number}. ${locale === "ja" ? (clause.headingJa ?? clause.heading) : clause.heading}` };
}

export default async function ClausePage({ params }: TProps) {
  const { locale, documentId, number } = await params;
  setRequestLocale(locale);
  await requireReader(locale, `/clauses/${documentId}/${number}`);
  return <ClauseView clause={await load(documentId, decodeURIComponent(number))} />;
}

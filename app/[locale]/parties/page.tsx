import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PartiesView } from "../_components/parties-view";
import { requireReader } from "../_components/load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Party"))("listHeading") };
}

export default async function PartiesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireReader(locale, "/parties");
  return <PartiesView />;
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DatasetView } from "../_components/dataset-view";
import { requireReader } from "../_components/load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Dataset"))("title") };
}

export default async function DatasetPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireReader(locale, "/dataset");
  return <DatasetView />;
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CodebookView } from "../_components/codebook-view";
import { requireReader } from "../_components/load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Codebook"))("title") };
}

export default async function CodebookPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireReader(locale, "/codebook");
  return <CodebookView />;
}

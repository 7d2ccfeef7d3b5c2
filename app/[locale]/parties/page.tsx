import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PartiesView } from "../_components/parties-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Party"))("listHeading") };
}

export default async function PartiesPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <PartiesView />;
}

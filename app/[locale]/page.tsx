import { setRequestLocale } from "next-intl/server";
import { HomeView } from "./_components/home-view";
import { requireReader } from "./_components/load";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireReader(locale, "/");
  return <HomeView />;
}

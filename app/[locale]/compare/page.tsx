import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { AppError } from "@/lib/domain/errors";
import { getCompareView } from "@/lib/server/compare";
import { CompareView } from "../_components/compare/compare-view";
import { requireReader } from "../_components/load";

type TProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The query string of the page's address, so that a visitor sent to sign in comes back to the same view. */
function toPathQuery(search: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search))
    for (const v of ([] as (string | undefined)[]).concat(value)) if (v !== undefined) params.append(key, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Compare"))("title") };
}

export default async function ComparePage({ params, searchParams }: TProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const search = await searchParams;
  await requireReader(locale, `/compare${toPathQuery(search)}`);
  const view = await getCompareView(search, {
    strict: false,
    lang: locale === "ja" ? "ja" : "en",
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "BAD_REQUEST") return error;
    throw error;
  });
  if (view instanceof AppError) {
    // A bad parameter in a shared link: say which, and offer a fresh start.
    const t = await getTranslations("Compare");
    return (
      <div className="page">
        <h1>{t("badView")}</h1>
        <p role="alert">{view.message}</p>
        <p>
          <Link href="/compare">{t("reset")}</Link>
        </p>
      </div>
    );
  }
  return <CompareView view={view} />;
}

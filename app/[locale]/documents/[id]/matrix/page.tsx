import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { AppError } from "@/lib/domain/errors";
import { isSlug } from "@/lib/domain/ids";
import { getActor } from "@/lib/server/authz";
import { getMatrixView } from "@/lib/server/matrix";
import { getDocumentReading } from "@/lib/server/reading";
import { loadOrNotFound, requireReader } from "../../../_components/load";
import { MatrixView } from "../../../_components/matrix/matrix-view";

type TProps = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { locale, id } = await params;
  const document = await loadOrNotFound(isSlug(id), () => getDocumentReading(id));
  const title = locale === "ja" ? (document.titleJa ?? document.title) : document.title;
  return { title: (await getTranslations("Matrix"))("title", { title }) };
}

export default async function MatrixPage({ params, searchParams }: TProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireReader(locale, `/documents/${id}/matrix`);
  if (!isSlug(id)) notFound();
  const matrix = await getMatrixView(id, await searchParams, {
    strict: false,
    lang: locale === "ja" ? "ja" : "en",
    viewer: await getActor(await headers()),
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "BAD_REQUEST") return error;
    throw error;
  });
  if (matrix instanceof AppError) {
    // A bad parameter in a shared link: say which, and offer the default view.
    const t = await getTranslations("Matrix");
    return (
      <div className="page">
        <h1>{t("badView")}</h1>
        <p role="alert">{matrix.message}</p>
        <p>
          <Link href={`/documents/${id}/matrix`}>{t("reset")}</Link>
        </p>
      </div>
    );
  }
  return <MatrixView matrix={matrix} />;
}

import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { findDimensions } from "@/lib/data/dimensions.repository";
import { localize, type TLang } from "@/lib/domain/localize";
import type { TMatrixView } from "@/lib/server/matrix";
import { MatrixExportMenu } from "../export/export-menu";
import { MatrixControls } from "./matrix-controls";
import { MatrixGrid } from "./matrix-grid";
import { PartyOverview } from "./party-overview";

export async function MatrixView({ matrix }: { matrix: TMatrixView }) {
  const [t, lang, dimensions] = await Promise.all([getTranslations(), getLocale() as Promise<TLang>, findDimensions()]);
  const dimensionLabels = Object.fromEntries(dimensions.map((d) => [d.id, localize(lang, d.label, d.labelJa).text]));
  const title = localize(lang, matrix.document.title, matrix.document.titleJa);
  const allParties = matrix.vocabulary.partyIds;
  const partyNames = new Map(matrix.parties.map((p) => [p.id, p.name.text]));
  return (
    <div className="page page-wide">
      <p className="breadcrumb">
        <Link href={`/documents/${matrix.document.id}`}>{t("Matrix.backToDocument")}</Link>
        {" · "}
        <Link href={`/documents/${matrix.document.id}/agreement`}>{t("Coding.agreementLink")}</Link>
      </p>
      <h1 lang={title.lang}>{t("Matrix.title", { title: title.text })}</h1>
      <p>{t("Matrix.lead")}</p>
      <MatrixControls
        query={matrix.query}
        vocabulary={matrix.vocabulary}
        lang={lang}
        dimensions={matrix.dimensionFacets.map((f) => ({
          id: f.dimensionId,
          label: dimensionLabels[f.dimensionId] ?? f.dimensionId,
          count: f.count,
        }))}
        parties={allParties.map((id) => ({ id, label: partyNames.get(id) ?? id }))}
        coders={matrix.coders.map((c) => ({ id: c.id, label: c.name }))}
      />
      <MatrixExportMenu documentId={matrix.document.id} query={matrix.query} vocabulary={matrix.vocabulary} />
      <p className="matrix-status" role="status">
        {t("Matrix.showing", { shown: matrix.rows.length, total: matrix.totalClauses })}
        {" · "}
        <span className="muted">{t("Matrix.keyboardHelp")}</span>
      </p>
      <div className="matrix-columns">
        <MatrixGrid
          documentId={matrix.document.id}
          documentTitle={title.text}
          rows={matrix.rows}
          parties={matrix.parties}
          groups={matrix.groups}
          dimensionLabels={dimensionLabels}
          asOf={matrix.query.asOf}
          coder={matrix.query.coder}
        />
        <PartyOverview matrix={matrix} lang={lang} />
      </div>
    </div>
  );
}

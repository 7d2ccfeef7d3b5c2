"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { EXPORT_FORMATS, type TExportFormat, type TExportView } from "@/lib/domain/export/export-query";
import { toMatrixSearchParams, type TMatrixQuery, type TMatrixVocabulary } from "@/lib/domain/matrix/query";
import { DownloadStatus } from "./download-status";
import { useDownload } from "./use-download";
import "../../../export.css";

/**
 * The "Export" control of a table view: one link per format to GET /api/export with the view's parameters and the
 * page's language, an "all rows" switch and, for CSV, the byte-order mark. The links work without JavaScript
 * (plain downloads); with it, a click downloads through fetch and shows progress, and an error (such as the size
 * cap) is shown in place.
 */
export function ExportMenu({ view, params }: { view: TExportView; params: string }) {
  const t = useTranslations("Export");
  const locale = useLocale();
  const [allRows, setAllRows] = useState(false);
  const [bom, setBom] = useState(true);
  const { state, start, cancel } = useDownload();

  const hrefOf = (format: TExportFormat) => {
    const search = new URLSearchParams({ view, format });
    for (const [key, value] of new URLSearchParams(params)) search.append(key, value);
    if (locale === "ja") search.set("lang", "ja");
    if (allRows) search.set("all", "1");
    if (format === "csv" && !bom) search.set("bom", "0");
    return `/api/export?${search.toString()}`;
  };

  return (
    <details className="export-menu">
      <summary>{t("summary")}</summary>
      <p className="export-lead">{t("lead")}</p>
      <ul className="export-formats" aria-label={t("formats")}>
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              className="button-link"
              href={hrefOf(format)}
              download
              data-format={format}
              onClick={(event) => {
                event.preventDefault();
                void start(hrefOf(format), t(`format.${format}`));
              }}
            >
              {t(`format.${format}`)}
            </a>{" "}
            <span className="export-hint">{t(`formatHint.${format}`)}</span>
          </li>
        ))}
      </ul>
      <fieldset className="export-options">
        <legend>{t("options")}</legend>
        <label className="check">
          <input type="checkbox" checked={allRows} onChange={(e) => setAllRows(e.target.checked)} /> {t("allRows")}
        </label>
        <label className="check">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> {t("bom")}
        </label>
      </fieldset>
      <DownloadStatus state={state} onCancel={cancel} />
    </details>
  );
}

/** The matrix's export control: the document and the view's canonical parameters, as its address holds them. */
export function MatrixExportMenu({
  documentId,
  query,
  vocabulary,
}: {
  documentId: string;
  query: TMatrixQuery;
  vocabulary: TMatrixVocabulary;
}) {
  const params = new URLSearchParams({ document: documentId });
  for (const [key, value] of toMatrixSearchParams(query, vocabulary)) params.append(key, value);
  return <ExportMenu view="matrix" params={params.toString()} />;
}

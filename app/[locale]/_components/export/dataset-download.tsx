"use client";

import { useTranslations } from "next-intl";
import { DownloadStatus } from "./download-status";
import { useDownload } from "./use-download";
import "../../../export.css";

export const DATASET_EXPORT_URL = "/api/dataset/export";

/** The dataset page's download: the whole dataset as a Frictionless Data Package, with progress. */
export function DatasetDownload() {
  const t = useTranslations("Export");
  const { state, start, cancel } = useDownload();
  return (
    <div className="dataset-download">
      <p>
        <a
          className="button-link"
          href={DATASET_EXPORT_URL}
          download
          onClick={(event) => {
            event.preventDefault();
            void start(DATASET_EXPORT_URL, "zip");
          }}
        >
          {t("datasetLink")}
        </a>
      </p>
      <p className="export-hint">{t("datasetHint")}</p>
      <DownloadStatus state={state} onCancel={cancel} />
    </div>
  );
}

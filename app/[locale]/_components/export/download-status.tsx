"use client";

import { useLocale, useTranslations } from "next-intl";
import type { TDownloadState } from "./use-download";

function formatSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), "megabyte"]
      : bytes >= 1024
        ? [bytes / 1024, "kilobyte"]
        : [bytes, "byte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, maximumFractionDigits: unit === "byte" ? 0 : 1 }).format(
    value,
  );
}

/** Progress of a running download (a bar against the size when known), then its outcome; announced politely. */
export function DownloadStatus({ state, onCancel }: { state: TDownloadState; onCancel: () => void }) {
  const t = useTranslations("Export");
  const locale = useLocale();
  let body: React.ReactNode = null;
  switch (state.status) {
    case "idle":
      break;
    case "running":
      body = (
        <>
          <span>{t("downloading", { format: state.label })}</span>{" "}
          <progress max={state.total ?? undefined} value={state.total ? state.received : undefined} />{" "}
          <span className="export-size">
            {state.total
              ? t("receivedOf", { size: formatSize(state.received, locale), total: formatSize(state.total, locale) })
              : t("received", { size: formatSize(state.received, locale) })}
          </span>{" "}
          <button type="button" onClick={onCancel}>
            {t("cancel")}
          </button>
        </>
      );
      break;
    case "saved":
      body = t("saved", { filename: state.filename });
      break;
    case "cancelled":
      body = t("cancelled");
      break;
    case "failed":
      body = <span className="export-error">{t("failed", { message: state.message ?? t("unknownError") })}</span>;
      break;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
  return (
    <p className="export-status" role="status" aria-live="polite">
      {body}
    </p>
  );
}

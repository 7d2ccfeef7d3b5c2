import { useTranslations } from "next-intl";
import type { TCitation } from "@/lib/data/citations";
import { useDateFormatter } from "./format";

/** A record's sources: outlet, date, link, and the dataset's note on what the page shows. */
export function SourceList({ sources, compact = false }: { sources: TCitation[]; compact?: boolean }) {
  const t = useTranslations("Common");
  const formatDate = useDateFormatter();
  return (
    <ul className={compact ? "sources sources-compact" : "sources"} aria-label={t("sources")}>
      {sources.map((s, i) => (
        <li key={`${s.url}-${i}`}>
          <a href={s.url} rel="noopener noreferrer" target="_blank">
            {s.outlet}
          </a>
          <span className="source-date">, {formatDate(s.date, t("noDate"))}</span>
          {!compact && s.note ? (
            <span className="source-note" lang="en">
              {" "}
              — {s.note}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

import type { TWordDiffSegment } from "@/lib/domain/word-diff";

/**
 * Word-diff segments as text: deletions in <del>, insertions in <ins>, each opened by visually hidden words
 * ("deleted:", "inserted:") because screen readers do not announce the elements themselves. `side` keeps only
 * what one version says (the earlier: unchanged and deleted words; the later: unchanged and inserted words);
 * `inline` shows both in one text.
 */
export function DiffText({
  segments,
  side,
  lang,
  labels,
}: {
  segments: TWordDiffSegment[];
  side: "from" | "to" | "inline";
  lang: string;
  labels: { deleted: string; inserted: string };
}) {
  const shown = segments.filter(
    (s) => side === "inline" || s.kind === "equal" || s.kind === (side === "from" ? "delete" : "insert"),
  );
  return (
    <p className="diff-text" lang={lang}>
      {shown.map((s, k) => {
        if (s.kind === "delete")
          return (
            <del key={k}>
              <span className="visually-hidden">{labels.deleted} </span>
              {s.text}
            </del>
          );
        if (s.kind === "insert")
          return (
            <ins key={k}>
              <span className="visually-hidden">{labels.inserted} </span>
              {s.text}
            </ins>
          );
        return <span key={k}>{s.text}</span>;
      })}
    </p>
  );
}

import { getScoreLevel, type TScore } from "@/lib/domain/scale";
import type { TLang } from "@/lib/domain/localize";

/** An assessment score: colour and a text label, never colour alone. */
export function ScoreBadge({ score, lang }: { score: number | null; lang: TLang }) {
  const level = getScoreLevel(score as TScore);
  return (
    <span className={`score score-${level.key}`}>
      <span aria-hidden="true" className="score-value">
        {score === null ? "–" : score > 0 ? `+${score}` : score}
      </span>{" "}
      {lang === "ja" ? level.labelJa : level.label}
    </span>
  );
}

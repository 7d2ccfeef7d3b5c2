import { localize, type TLang } from "@/lib/domain/localize";
import type { TDimension } from "@/lib/data/dimensions.repository";

/** The dimensions a clause is tagged with, as chips in the reader's language. */
export function TopicChips({
  topics,
  dimensions,
  lang,
  label,
}: {
  topics: string[];
  dimensions: Map<string, TDimension>;
  lang: TLang;
  label: string;
}) {
  if (topics.length === 0) return null;
  return (
    <ul className="chips" aria-label={label}>
      {topics.map((id) => {
        const d = dimensions.get(id);
        const text = d ? localize(lang, d.label, d.labelJa) : null;
        return (
          <li key={id} className="chip" lang={text?.lang}>
            {text?.text ?? id}
          </li>
        );
      })}
    </ul>
  );
}

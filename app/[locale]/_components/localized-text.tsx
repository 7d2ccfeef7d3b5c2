import type { TLocalized } from "@/lib/domain/localize";

/**
 * A dataset text in the reader's language. Where the Japanese twin is missing, the English text shows with
 * `lang="en"` and a visible marker, never silently.
 */
export function LocalizedText({ value, untranslatedLabel }: { value: TLocalized; untranslatedLabel: string }) {
  if (!value.fallback) return <span lang={value.lang}>{value.text}</span>;
  return (
    <span lang="en" className="untranslated">
      {value.text}{" "}
      <abbr className="untranslated-mark" title={untranslatedLabel} aria-label={untranslatedLabel}>
        EN
      </abbr>
    </span>
  );
}

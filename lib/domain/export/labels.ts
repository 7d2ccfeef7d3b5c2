/**
 * The words an exported file is written in: column headers, the "what this file is" lines, relation names and the
 * citation, in English and Japanese. They live here rather than in the interface catalogues because files are
 * also written by the command line, which has no next-intl, and because a file's wording is part of the dataset's
 * published form (like the scale's labels in scale.ts), not of the interface.
 */
import type { TLang } from "../localize";
import type { TAlignmentRelation } from "../vocabulary";

/** The project's title as README.md asks researchers to cite it. */
export const CITATION_TITLE = {
  en: "Redlines: the 2025 Russia–Ukraine peace plan, clause by clause, against the parties' stated red lines",
  ja: "Redlines：2025年ロシア・ウクライナ和平案の条項別比較と各当事者の表明したレッドライン",
} as const;

export type TCompareOrigin = "reference" | "confirmed" | "proposed";

export type TExportLabels = {
  matrixTitle: (document: string) => string;
  compareTitle: (from: string, to: string) => string;
  columns: {
    number: string;
    group: string;
    heading: string;
    topics: string;
    scoreLabel: (party: string) => string;
    scoreValue: (party: string) => string;
    redLines: (party: string) => string;
    fromNumber: string;
    fromHeading: string;
    toNumber: string;
    toHeading: string;
    relation: string;
    origin: string;
    confidence: string;
    diff: string;
    note: string;
  };
  meta: {
    document: string;
    documents: string;
    view: string;
    matrixView: string;
    compareView: string;
    filters: string;
    noFilters: string;
    allRows: string;
    parties: string;
    party: string;
    asOf: string;
    coder: string;
    rowsLabel: string;
    rows: (shown: number, total: number) => string;
    pairs: (count: number) => string;
    release: string;
    noRelease: string;
    exportedAt: string;
    citation: string;
    permalink: string;
    method: string;
    methodText: string;
    diffNotation: string;
    diffNotationText: string;
    scoreNote: string;
    scoreNoteText: string;
  };
  noTopic: string;
  relation: Record<TAlignmentRelation, string>;
  origin: Record<TCompareOrigin, string>;
  /** The citation line: project, release, the table's title, the export date and the address that reproduces it. */
  citation: (options: { title: string; release: string | null; date: string; url: string }) => string;
};

const EN: TExportLabels = {
  matrixTitle: (document) => `${document}: clauses × parties`,
  compareTitle: (from, to) => `${from} → ${to}: aligned clauses`,
  columns: {
    number: "Clause",
    group: "Group",
    heading: "Heading",
    topics: "Topics",
    scoreLabel: (party) => party,
    scoreValue: (party) => `${party} (score)`,
    redLines: (party) => `${party}: red lines touched`,
    fromNumber: "From clause",
    fromHeading: "From heading",
    toNumber: "To clause",
    toHeading: "To heading",
    relation: "Relation",
    origin: "Alignment",
    confidence: "Confidence",
    diff: "Changes",
    note: "Note",
  },
  meta: {
    document: "Document",
    documents: "Documents",
    view: "View",
    matrixView: "Clause × party matrix",
    compareView: "Version comparison",
    filters: "Filters",
    noFilters: "none",
    allRows: "all rows (the view's filters were not applied)",
    parties: "Parties",
    party: "Party",
    asOf: "As of",
    coder: "Coding",
    rowsLabel: "Rows",
    rows: (shown, total) => `${shown} of ${total} clauses`,
    pairs: (count) => `${count} aligned pairs`,
    release: "Dataset release",
    noRelease: "none recorded",
    exportedAt: "Exported at",
    citation: "How to cite",
    permalink: "Permalink",
    method: "Alignment method",
    methodText:
      "Links recorded in the dataset are marked 'reference' (or 'confirmed' when a researcher confirmed a proposal); clauses no recorded link covers are aligned automatically and marked 'proposed', with the aligner's confidence (0–1).",
    diffNotation: "Changes notation",
    diffNotationText: "Word-level differences: [-deleted text-] and {+inserted text+}.",
    scoreNote: "Scores",
    scoreNoteText:
      "−2 crosses red line, −1 conflicts, 0 mixed, 1 consistent, 2 fulfils demand; an empty score with a label is 'no stated position', an empty cell was not assessed.",
  },
  noTopic: "No topic",
  relation: {
    unchanged: "unchanged",
    modified: "modified",
    moved: "moved",
    merged: "merged",
    split: "split",
    removed: "removed",
    added: "added",
  },
  origin: { reference: "reference", confirmed: "confirmed", proposed: "proposed" },
  citation: ({ title, release, date, url }) =>
    `${CITATION_TITLE.en}. Dataset release ${release ?? "(none)"}. "${title}", exported ${date}. ${url}`,
};

const JA: TExportLabels = {
  matrixTitle: (document) => `${document}：条項×当事者`,
  compareTitle: (from, to) => `${from} → ${to}：条項の対応`,
  columns: {
    number: "条項",
    group: "グループ",
    heading: "見出し",
    topics: "論点",
    scoreLabel: (party) => party,
    scoreValue: (party) => `${party}（スコア）`,
    redLines: (party) => `${party}：該当するレッドライン`,
    fromNumber: "比較元の条項",
    fromHeading: "比較元の見出し",
    toNumber: "比較先の条項",
    toHeading: "比較先の見出し",
    relation: "関係",
    origin: "対応づけ",
    confidence: "確信度",
    diff: "変更点",
    note: "注記",
  },
  meta: {
    document: "文書",
    documents: "文書",
    view: "表示",
    matrixView: "条項×当事者マトリクス",
    compareView: "版の比較",
    filters: "絞り込み条件",
    noFilters: "なし",
    allRows: "全行（表示中の絞り込み条件は適用していない）",
    parties: "当事者",
    party: "当事者",
    asOf: "基準日",
    coder: "コーディング",
    rowsLabel: "行数",
    rows: (shown, total) => `${total}条項中${shown}条項`,
    pairs: (count) => `対応する組 ${count}件`,
    release: "データセット版",
    noRelease: "記録なし",
    exportedAt: "出力日時",
    citation: "引用方法",
    permalink: "固定リンク",
    method: "対応づけの方法",
    methodText:
      "データセットに記録された対応は「基準」（提案を研究者が確認したものは「確認済み」）と示す。記録のない条項は自動で対応づけ、「提案」として対応づけの確信度（0〜1）を添える。",
    diffNotation: "変更点の表記",
    diffNotationText: "語単位の差分：[-削除された文言-]、{+追加された文言+}。",
    scoreNote: "スコア",
    scoreNoteText:
      "−2 レッドラインを越える、−1 対立する、0 混在、1 整合する、2 要求を満たす。ラベルがありスコアが空欄のセルは「立場表明なし」、空欄のセルは未評価。",
  },
  noTopic: "論点なし",
  relation: {
    unchanged: "変更なし",
    modified: "修正",
    moved: "移動",
    merged: "統合",
    split: "分割",
    removed: "削除",
    added: "追加",
  },
  origin: { reference: "基準", confirmed: "確認済み", proposed: "提案" },
  citation: ({ title, release, date, url }) =>
    `${CITATION_TITLE.ja}。データセット版 ${release ?? "（なし）"}。「${title}」（${date}出力）。${url}`,
};

export const EXPORT_LABELS: Readonly<Record<TLang, TExportLabels>> = { en: EN, ja: JA };

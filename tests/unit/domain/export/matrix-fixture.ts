import { buildMatrix, type TMatrixInput } from "@/lib/domain/matrix/build";
import { parseMatrixQuery } from "@/lib/domain/matrix/query";
import type { TMatrixExportOptions, TMatrixExportSource } from "@/lib/domain/export/matrix-table";

/** A small matrix whose texts break naive writers: separators, quotes, line breaks, Japanese, a formula. */
export const MATRIX_INPUT: TMatrixInput = {
  clauses: [
    {
      id: "doc#1",
      number: "1",
      ordinal: 0,
      heading: 'Security, "guarantees"\nand more',
      headingJa: "安全の保証、「第1条」",
      text: "Guarantees.",
      textJa: null,
      topics: ["security", "territory"],
    },
    {
      id: "doc#2",
      number: "2",
      ordinal: 1,
      heading: '=HYPERLINK("http://evil.example","x")',
      headingJa: null,
      text: "NATO text.",
      textJa: null,
      topics: ["nato"],
    },
    {
      id: "doc#3",
      number: "3",
      ordinal: 2,
      heading: "-1+1 no topic",
      headingJa: "-1+1 論点なし",
      text: "Plain.",
      textJa: null,
      topics: [],
    },
  ],
  parties: [
    { id: "ua", name: "Ukraine", nameJa: "ウクライナ" },
    { id: "ru", name: "Russia", nameJa: "ロシア" },
  ],
  dimensionOrder: ["territory", "security", "nato"],
  assessments: [
    { id: "a1", clauseId: "doc#1", partyId: "ua", score: -2, confidence: "high", evidence: [] },
    { id: "a2", clauseId: "doc#1", partyId: "ru", score: null, confidence: "low", evidence: [] },
    { id: "a3", clauseId: "doc#2", partyId: "ua", score: 1, confidence: "medium", evidence: [] },
    { id: "a4", clauseId: "doc#3", partyId: "ru", score: -1, confidence: "medium", evidence: [] },
  ],
  redLinePositions: [
    { id: "ua-territory", partyId: "ua", dimensionId: "territory", kind: "red-line", date: "2025-03-01" },
    { id: "ru-nato", partyId: "ru", dimensionId: "nato", kind: "red-line", date: "2025-12-01" },
  ],
};

export const DIMENSIONS = [
  { id: "territory", label: "Territory", labelJa: "領土" },
  { id: "security", label: "Security guarantees", labelJa: "安全の保証" },
  { id: "nato", label: "Alliance choice / NATO", labelJa: "同盟の選択／NATO" },
];

export const VOCABULARY = { dimensionIds: ["territory", "security", "nato"], partyIds: ["ua", "ru"] };

export function buildMatrixSource(search = ""): TMatrixExportSource {
  const query = parseMatrixQuery(new URLSearchParams(search), VOCABULARY);
  return {
    ...buildMatrix(MATRIX_INPUT, query),
    document: { id: "doc", title: "Test plan", titleJa: "試験案" },
    vocabulary: VOCABULARY,
  };
}

export const MATRIX_OPTIONS: TMatrixExportOptions = {
  dimensions: DIMENSIONS,
  releaseId: "2026-03",
  exportedAt: "2026-03-14T09:30:00.000Z",
  baseUrl: "https://redlines.example.org",
};

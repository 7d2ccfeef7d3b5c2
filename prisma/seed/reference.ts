/** Reads the shipped reference dataset (release 2026-03) from prisma/seed/data and parses it. */
import fs from "node:fs";
import path from "node:path";
import { parseReferenceDataset } from "@/lib/domain/dataset/integrity";
import type { TReferenceDataset } from "@/lib/domain/dataset/reference.schema";

export const BASE_RELEASE = {
  id: "2026-03",
  title: "Redlines reference dataset, release 2026-03",
  coverage: "2022-03-29 to 2026-03-05",
  note: "The base release: 14 documents (versions of the 2025 peace plan and related texts), 139 clauses, 38 alignments, 5 parties, 20 dimensions, 204 dated positions and the reference coding of 240 clause × party cells.",
  noteJa:
    "基本リリース。14件の文書（2025年の和平案の各版と関連文書）、139の条項、38件の対応関係、5つの当事者、20の分析次元、日付つきの204件の立場、240件の条項×当事者のセルの基準コーディングを収める。",
} as const;

export const DATA_DIR = path.join(__dirname, "data");

const FILES = ["documents", "parties", "dimensions", "positions", "codings"] as const;

export function readReferenceDataset(dir: string = DATA_DIR): TReferenceDataset {
  const raw = Object.fromEntries(
    FILES.map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8"))]),
  ) as Record<(typeof FILES)[number], unknown>;
  const parsed = parseReferenceDataset(raw);
  if (!parsed.ok) {
    throw new Error(`The reference dataset in ${dir} does not hold together:\n- ${parsed.problems.join("\n- ")}`);
  }
  return parsed.dataset;
}

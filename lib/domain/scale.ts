/**
 * The assessment scale: how a clause stands against one party's stated positions. `null` is a real value,
 * "no stated position", not a missing one.
 */
export type TScore = -2 | -1 | 0 | 1 | 2 | null;

export const SCORES: readonly TScore[] = [-2, -1, 0, 1, 2, null];

export type TScoreLevel = {
  score: TScore;
  key: "crosses" | "conflicts" | "mixed" | "consistent" | "fulfils" | "none";
  label: string;
  labelJa: string;
  description: string;
  descriptionJa: string;
};

/** The scale as the reference codebook (codings.json `scale`) states it; a dataset test holds the two equal. */
export const SCALE: readonly TScoreLevel[] = [
  {
    score: -2,
    key: "crosses",
    label: "Crosses red line",
    labelJa: "レッドラインを越える",
    description:
      "The clause does what the party declared non-negotiable: it contradicts one of the party's red-line positions, or a provision the party explicitly rejected as unacceptable.",
    descriptionJa:
      "条項が、当事者が譲れないと表明した一線を越える内容となっている。すなわち、当事者のレッドラインにあたる立場のいずれかと矛盾するか、当事者が受け入れられないとして明確に拒否した規定にあたる。",
  },
  {
    score: -1,
    key: "conflicts",
    label: "Conflicts",
    labelJa: "対立する",
    description:
      "The clause goes against a stated demand or preference of the party, or the party rejected it without calling it a red line.",
    descriptionJa:
      "条項が当事者の表明した要求や希望に反する。または、当事者がレッドラインとは位置づけずに条項を拒否した。",
  },
  {
    score: 0,
    key: "mixed",
    label: "Mixed",
    labelJa: "混在",
    description:
      "Parts of the clause match the party's positions and parts conflict, or the party's acceptance is conditional, or its statements contradict each other.",
    descriptionJa:
      "条項の一部は当事者の立場と合致し、一部は対立する。または、当事者の受け入れが条件付きであるか、当事者の発言が互いに矛盾している。",
  },
  {
    score: 1,
    key: "consistent",
    label: "Consistent",
    labelJa: "整合する",
    description:
      "Compatible with the party's stated positions (an acceptance, or in line with a preference), without delivering a specific demand.",
    descriptionJa:
      "当事者の表明した立場と両立する（受け入れを表明している、または希望に沿う）が、特定の要求を実現するものではない。",
  },
  {
    score: 2,
    key: "fulfils",
    label: "Fulfils demand",
    labelJa: "要求を満たす",
    description: "The clause delivers what the party itself demanded (a position of kind demand or red-line).",
    descriptionJa: "条項が、当事者自身が求めた内容（種類が「要求」または「レッドライン」の立場）を実現する。",
  },
  {
    score: null,
    key: "none",
    label: "No stated position",
    labelJa: "立場表明なし",
    description: "No position of that party in positions.json bears on the substance of the clause. Evidence is empty.",
    descriptionJa: "positions.jsonに、条項の内容に関わるその当事者の立場がない。根拠（evidence）は空となる。",
  },
];

export function isScore(value: unknown): value is TScore {
  return value === null || (typeof value === "number" && Number.isInteger(value) && value >= -2 && value <= 2);
}

export function getScoreLevel(score: TScore): TScoreLevel {
  const level = SCALE.find((l) => l.score === score);
  if (!level) throw new Error(`Not a score on the scale: ${String(score)}`);
  return level;
}

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type TConfidence = (typeof CONFIDENCES)[number];

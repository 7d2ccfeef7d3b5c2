/** Closed vocabularies of the data model, with their labels in both languages. */

export const POSITION_KINDS = ["red-line", "demand", "preference", "acceptance", "rejection"] as const;
export type TPositionKind = (typeof POSITION_KINDS)[number];

/** Japanese labels as the reference dataset (parties.json `positionKinds`) gives them. */
export const POSITION_KIND_LABELS: Record<TPositionKind, { label: string; labelJa: string }> = {
  "red-line": { label: "Red line", labelJa: "レッドライン" },
  demand: { label: "Demand", labelJa: "要求" },
  preference: { label: "Preference", labelJa: "希望" },
  acceptance: { label: "Acceptance", labelJa: "受け入れ" },
  rejection: { label: "Rejection", labelJa: "拒否" },
};

export const ALIGNMENT_RELATIONS = ["unchanged", "modified", "moved", "merged", "split", "removed", "added"] as const;
export type TAlignmentRelation = (typeof ALIGNMENT_RELATIONS)[number];

export const COMPLETENESS = ["full", "partial"] as const;
export type TCompleteness = (typeof COMPLETENESS)[number];

export const PARTY_KINDS = ["state", "bloc", "alliance", "organisation"] as const;
export type TPartyKind = (typeof PARTY_KINDS)[number];

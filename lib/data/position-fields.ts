/**
 * The scalar columns of a position, selected the same way everywhere (reading views, releases). No `server-only`:
 * the release command (prisma/data-update.ts) runs as a plain script.
 */
export const positionFieldsSelect = {
  id: true,
  partyId: true,
  actor: true,
  dimensionId: true,
  kind: true,
  statement: true,
  statementJa: true,
  speaker: true,
  speakerJa: true,
  date: true,
  note: true,
  noteJa: true,
  releaseId: true,
} as const;

export type TPositionFields = {
  id: string;
  partyId: string;
  actor: string | null;
  dimensionId: string;
  kind: string;
  statement: string;
  statementJa: string | null;
  speaker: string;
  speakerJa: string | null;
  date: string;
  note: string | null;
  noteJa: string | null;
  releaseId: string;
};

/** How a record's source citations are selected and mapped; shared by every repository. */
export type TCitation = { outlet: string; url: string; date: string | null; note: string | null };

export const citationSelect = {
  select: { note: true, source: { select: { outlet: true, url: true, date: true } } },
  orderBy: { ordinal: "asc" },
} as const;

export function toCitations(
  rows: { note: string | null; source: { outlet: string; url: string; date: string | null } }[],
): TCitation[] {
  return rows.map((r) => ({ outlet: r.source.outlet, url: r.source.url, date: r.source.date, note: r.note }));
}

import { useFormatter } from "next-intl";

/** How dataset dates ("YYYY-MM-DD": a calendar day without time zone) are shown, on server and client alike. */
export const DATE_FORMAT = { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" } as const;

export function toUtcDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A hook, for components that render both on the server and in the browser. */
export function useDateFormatter(): (iso: string | null, missing: string) => string {
  const format = useFormatter();
  return (iso, missing) => (iso ? format.dateTime(toUtcDay(iso), DATE_FORMAT) : missing);
}

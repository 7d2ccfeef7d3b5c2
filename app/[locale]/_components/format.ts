import { getFormatter } from "next-intl/server";

/** Formats a dataset date ("YYYY-MM-DD", a calendar day without time zone) for the reader's locale. */
export async function getDateFormatter(): Promise<(iso: string | null, missing: string) => string> {
  const format = await getFormatter();
  return (iso, missing) =>
    iso
      ? format.dateTime(new Date(`${iso}T00:00:00Z`), {
          year: "numeric",
          month: "short",
          day: "numeric",
          timeZone: "UTC",
        })
      : missing;
}

import { getFormatter } from "next-intl/server";
import { DATE_FORMAT, toUtcDay } from "./format";

/** The same date format for async server components, which cannot call hooks. */
export async function getDateFormatter(): Promise<(iso: string | null, missing: string) => string> {
  const format = await getFormatter();
  return (iso, missing) => (iso ? format.dateTime(toUtcDay(iso), DATE_FORMAT) : missing);
}

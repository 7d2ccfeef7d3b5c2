/** How annotation and history times show: to the minute, with the time zone (the app formats in UTC). */
export const TIME_FORMAT = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const;

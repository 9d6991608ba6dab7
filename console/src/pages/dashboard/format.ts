const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** An instant as London reads it, e.g. "3 Dec 2026, 14:05". */
export function dateTime(instant: string | undefined): string {
  if (!instant) return "—";
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? instant : DATE_TIME.format(at);
}

/** A calendar date (yyyy-mm-dd), e.g. "3 December 2026". */
export function date(day: string | undefined): string {
  if (!day) return "—";
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? day : DATE.format(at);
}

/** CONSTANT_CASE as words: "PENDING_SIGNATURE" → "Pending signature". */
export function words(constant: string | undefined): string {
  if (!constant) return "—";
  const text = constant.toLowerCase().replace(/[_-]+/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// How values are shown and read back: dates in the reader's locale, tags as a comma-separated list.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : "never";
}

export function count(n) {
  return new Intl.NumberFormat().format(n ?? 0);
}

/** "a, b c" -> ["a", "b", "c"]; the API folds case and checks each one. */
export function parseTags(text) {
  return text
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** An ISO instant as the value of a datetime-local input (local time, minutes). */
export function toLocalInput(iso) {
  if (!iso) {
    return "";
  }
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (local time) as an RFC 3339 instant, or null when empty. */
export function fromLocalInput(value) {
  return value ? new Date(value).toISOString() : null;
}

/** yyyy-MM-dd of a UTC day, n days before today. */
export function utcDay(daysAgo = 0) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - daysAgo);
  return date.toISOString().slice(0, 10);
}

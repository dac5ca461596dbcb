// Dates and times from the API (ISO 8601) as people read them, in one format everywhere.

/** `2026-03-04T10:15:00Z` -> `4 Mar 2026, 10:15` (the browser's time zone); the input itself if unreadable. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

// Numbers, times and statuses as the dashboard shows them.

const ENDED = new Set(['completed', 'completed_with_errors', 'cancelled']);

export const isEnded = status => ENDED.has(status);

export function number(value) {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat().format(value);
}

export function rate(value) {
  return value === null || value === undefined ? '–' : `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(value)}/min`;
}

export function time(value) {
  if (!value) return '–';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '–' : date.toLocaleString();
}

export function percent(part, whole) {
  return whole > 0 ? Math.min(100, Math.floor((part / whole) * 100)) : 0;
}

/** A status as a badge element's class and text. */
export function statusClass(status) {
  return `badge badge-${String(status).replace(/[^a-z_]/g, '')}`;
}

/** "in 5 min" style remaining time until an ISO date, or "–". */
export function until(value, now = Date.now()) {
  if (!value) return '–';
  const ms = new Date(value).getTime() - now;
  if (Number.isNaN(ms)) return '–';
  if (ms <= 0) return 'now';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `in ${Math.ceil(ms / 1000)} s`;
  if (minutes < 120) return `in ${minutes} min`;
  return `in ${Math.round(minutes / 60)} h`;
}

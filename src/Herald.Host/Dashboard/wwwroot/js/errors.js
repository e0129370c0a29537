import { h, show } from './dom.js';
import { ApiError } from './api.js';

/** Shows an error (problem details line by line) in a container with role=alert. */
export function showError(container, error) {
  const lines = error instanceof ApiError ? error.lines() : [String(error?.message ?? error)];
  show(container, h('div', { class: 'error', role: 'alert' }, lines.map(line => h('p', null, line))));
}

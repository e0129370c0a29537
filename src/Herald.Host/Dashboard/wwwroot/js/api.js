// The JSON API with the credential the operator pasted: a JWT goes in Authorization, an API key (hk_…) in X-Api-Key.
// It lives in sessionStorage (this tab only) and never in a URL.

const KEY = 'herald.credential';

export const credential = {
  get: () => sessionStorage.getItem(KEY),
  set: value => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

/** An answer other than 2xx, with its RFC 7807 problem details when there are any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** Lines to show: the title, the detail and each field's errors. */
  lines() {
    const lines = [this.message];
    if (this.problem?.detail) lines.push(this.problem.detail);
    for (const [field, messages] of Object.entries(this.problem?.errors ?? {})) {
      for (const message of [].concat(messages)) lines.push(`${field}: ${message}`);
    }
    return lines;
  }
}

let onUnauthorized = () => {};

/** What to do when the API answers 401 (the credential expired or was revoked). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

function headers(accept) {
  const result = new Headers({ Accept: accept });
  const value = credential.get();
  if (value) {
    if (value.startsWith('hk_')) result.set('X-Api-Key', value);
    else result.set('Authorization', `Bearer ${value}`);
  }
  return result;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/**
 * Calls the API: json is sent as the JSON body, body as is (FormData for uploads); answers the parsed JSON, or a Blob
 * when raw (a download). Throws ApiError for anything but 2xx.
 */
export async function api(path, { method = 'GET', json, body, accept = 'application/json', raw = false } = {}) {
  const init = { method, headers: headers(accept), cache: 'no-store' };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers.set('Content-Type', 'application/json');
  } else if (body !== undefined) {
    init.body = body;
  }

  const response = await fetch(path, init);
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    throw new ApiError(response.status, await problemOf(response));
  }

  if (raw) return response.blob();
  return response.status === 204 ? null : response.json();
}

/** Saves a Blob as a file through a temporary object URL. */
export function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

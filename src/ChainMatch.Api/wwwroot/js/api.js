import { busy } from './progress.js';
import { requestStarted, requestSucceeded } from './messages.js';

const TIMEOUT_MS = 30000;

/** An API answer that was not a success, carrying the RFC 7807 problem details the service sent (or a stand-in). */
export class ApiError extends Error {
  constructor(problem, status, url) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
    this.url = url;
  }
}

export const getJson = url => request(url, res => res.json());
export const postJson = (url, body) => request(url, res => res.json(), {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});
export const getText = url => request(url, res => res.text());
export const postText = (url, body) => request(url, res => res.text(), {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});
export const putJson = (url, body) => request(url, res => res.json(), {
  method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});
export const deleteJson = url => request(url, () => null, { method: 'DELETE' });
/** Posts a file the user picked (a CSV import) as it is; the answer is JSON. */
export const postFile = (url, file, type = 'text/csv') => request(url, res => res.json(), { method: 'POST', headers: { 'Content-Type': type }, body: file });

/** Builds an /api URL from path parts (escaped) and query values (empty ones left out). */
export function apiUrl(parts, query = {}) {
  const path = '/api/' + parts.map(p => encodeURIComponent(p)).join('/');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value != null && value !== '') params.set(key, value);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request(url, read, init = {}) {
  const done = busy();
  const number = requestStarted();
  try {
    let res;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (e) {
      const timedOut = e.name === 'TimeoutError';
      throw new ApiError({ title: timedOut ? 'timeout' : 'network', detail: e.message }, 0, url);
    }
    if (!res.ok) throw await problemOf(res, url);
    const value = await read(res);
    requestSucceeded(number);
    return value;
  } finally {
    done();
  }
}

async function problemOf(res, url) {
  const type = res.headers.get('content-type') ?? '';
  let problem = null;
  if (type.includes('json')) {
    try { problem = await res.json(); } catch { /* a broken body still gets a message below */ }
  }
  return new ApiError(problem ?? { title: res.statusText || `HTTP ${res.status}`, status: res.status }, res.status, url);
}

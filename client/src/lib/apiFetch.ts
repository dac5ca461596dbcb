// The one way the client calls the API: JSON in, JSON out, error bodies turned into ApiError; a 401
// "sign in first" also tells the sign-in gate (lib/session.ts). The session cookie goes by itself.
import { isSessionEnd, sessionEnded } from './session';

export interface ApiProblem {
  path?: string;
  id?: string;
  field?: string;
  message: string;
}

/** An error answered by the API (`{ error: { code, message, problems? } }`) or a failed request. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: ApiProblem[];
  /** The rest of the error body, e.g. `current` on a version conflict or `dependants` on a refused delete. */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, problems: ApiProblem[] = [], details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problems = problems;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.message === 'string') {
    const code = typeof error.code === 'string' ? error.code : 'error';
    const problems = Array.isArray(error.problems) ? (error.problems as ApiProblem[]) : [];
    const { code: _c, message: _m, problems: _p, ...details } = error;
    return new ApiError(res.status, code, error.message, problems, details);
  }
  return new ApiError(res.status, 'http_error', `The server answered ${res.status} ${res.statusText}`.trim());
}

/** GETs (or sends) JSON from the API; throws ApiError with the server's message on failure. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach the Flow Atlas server. Check your connection and try again.');
  }
  if (!res.ok) {
    const error = await errorFrom(res);
    if (isSessionEnd(error.status, error.code)) sessionEnded();
    throw error;
  }
  return (await res.json()) as T;
}

// The one way the client calls the API: JSON in, JSON out, error bodies turned into ApiError; a 401
// "sign in first" also tells the sign-in gate (lib/session.ts). The session cookie goes by itself.
import type { z } from 'zod';
import type { ErrorBody } from '@model/api';
import { isSessionEnd, sessionEnded } from './session';

type ProblemOfSchema = NonNullable<z.infer<typeof ErrorBody>['error']['problems']>[number];
/**
 * One problem of a 400 answer: the type of the API's own error schema (server/model/api.ts), read
 * leniently: a problem that names only a field is still placed on it.
 */
export type ApiProblem = Omit<ProblemOfSchema, 'path'> & Partial<Pick<ProblemOfSchema, 'path'>>;

/** An error answered by the API (`{ error: { code, message, problems? } }`) or a failed request. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: ApiProblem[];
  /** The rest of the error body, e.g. `current` on a version conflict or `dependants` on a refused delete. */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    problems: ApiProblem[] = [],
    details: Record<string, unknown> = {},
  ) {
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

/**
 * The ApiError of a failed answer, from its status and its body as parsed JSON (undefined when it was not
 * JSON): the server's code, message, problems and the rest of its error body, else the bare status.
 * The one error parser of the client (apiFetch here, the import's upload in features/data).
 */
export function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.message === 'string') {
    const { code, message, problems, ...details } = error;
    return new ApiError(
      status,
      typeof code === 'string' ? code : 'error',
      message,
      Array.isArray(problems) ? (problems as ApiProblem[]) : [],
      details,
    );
  }
  return new ApiError(status, 'http_error', `The server answered ${status} ${statusText}`.trim());
}

async function errorFrom(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  return apiErrorOf(res.status, res.statusText, body);
}

/** GETs (or sends) JSON from the API; throws ApiError with the server's message on failure. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch {
    throw new ApiError(
      0,
      'network_error',
      'Could not reach the Flow Atlas server. Check your connection and try again.',
    );
  }
  if (!res.ok) {
    const error = await errorFrom(res);
    if (isSessionEnd(error.status, error.code)) sessionEnded();
    throw error;
  }
  return (await res.json()) as T;
}

/**
 * The API client: same-origin cookies, the CSRF token on every change, problem+json errors
 * turned into ApiError with the field issues the forms show. Answer types come from the committed
 * OpenAPI document (api-schema.d.ts, written by `npm run openapi`), never copied by hand.
 */
import type { paths } from './api-schema';

/** The JSON body a route answers with on success (200, or 201 for what it made): `Answer<'/api/dashboard'>`. */
export type Answer<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete' = 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;
export interface FieldIssue {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
// The server's problems (titles, schema findings) come in the interface's language.
let language = 'en';

async function answer<T>(response: Response): Promise<T> {
  const data: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const problem = data as { code?: string; detail?: string; title?: string; errors?: FieldIssue[] };
    throw new ApiError(
      response.status,
      problem.code ?? 'internal',
      problem.detail ?? problem.title ?? response.statusText,
      problem.errors ?? [],
    );
  }
  return data as T;
}
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function setApiLanguage(value: string): void {
  language = value;
}

export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'accept-language': language,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  return answer<T>(response);
}

export type Session = Answer<'/api/auth/session'>;
export type User = Session['user'];

/** Sends a file as the request body (streamed by the browser), with the CSRF token; a feed's file unless TYPE says otherwise. */
export async function upload<T>(path: string, file: File, contentType?: string): Promise<T> {
  const type =
    contentType ?? (/\.gz$/i.test(file.name) ? 'application/gzip' : /\.jsonl?$/i.test(file.name) ? 'application/x-ndjson' : 'text/csv');
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'accept-language': language, 'content-type': type, 'x-csrf-token': csrfToken },
    body: file,
  });
  return answer<T>(response);
}

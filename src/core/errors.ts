/**
 * The one error catalogue. Every error the product reports carries a stable code, an HTTP status
 * and a title; the HTTP layer turns them into RFC 9457 problem+json and the CLI into one line on
 * stderr with exit code 1. docs/ERRORS.md lists every code (a test keeps the two in step).
 */
export const ERROR_CATALOGUE = {
  validation: { status: 400, title: 'The input is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'Not allowed' },
  csrf: { status: 403, title: 'Missing or wrong CSRF token' },
  'not-found': { status: 404, title: 'No such record' },
  'not-acceptable': { status: 406, title: 'No answer in a media type the client accepts' },
  conflict: { status: 409, title: 'The record changed or already exists' },
  'unsupported-media-type': { status: 415, title: 'The body is not in a media type this route takes' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'totp-required': { status: 401, title: 'A one-time code is required' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Temporarily unavailable' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldIssue {
  /** Where: a JSON pointer-like path such as "operatingHours.monday[0].end", or "line 3". */
  field: string;
  reason: string;
}

export class VaktError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, message?: string, issues: readonly FieldIssue[] = []) {
    super(message ?? ERROR_CATALOGUE[code].title);
    this.name = 'VaktError';
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

export class ValidationError extends VaktError {
  constructor(issues: readonly FieldIssue[], source?: string) {
    const first = issues[0];
    const where = [source, first?.field].filter(Boolean).join(': ');
    super('validation', first ? `${where}: ${first.reason}` : 'invalid input', issues);
    this.name = 'ValidationError';
  }
}

export const notFound = (what: string): VaktError => new VaktError('not-found', `${what} not found`);

/**
 * RFC 9457 problem+json for every error. 5xx details stay in the log; the client gets the
 * title and a request id to quote.
 */
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ERROR_CATALOGUE, VaktError, type ErrorCode, type FieldIssue } from '../core/errors.js';
import { issuesOf } from '../core/validate.js';
import { localizedDetail, localizedIssue, localizedSchemaErrors, problemLanguage, problemTitle } from './problem-language.js';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }))),
  },
  { $id: 'Problem' },
);

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  issues: readonly FieldIssue[] = [],
  statusOverride?: number,
): FastifyReply {
  const language = problemLanguage(request);
  const title = problemTitle(code, ERROR_CATALOGUE[code].title, language);
  const status = statusOverride ?? ERROR_CATALOGUE[code].status;
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://vakt.dev/problems/${code}`,
      title,
      status,
      ...(detail ? { detail: localizedDetail(detail, issues, language) } : {}),
      instance: request.url,
      code,
      requestId: String(request.id),
      ...(issues.length > 0 ? { errors: issues.map((issue) => localizedIssue(issue, language)) } : {}),
    });
}

/**
 * Errors that come from the database or a decoder but say something about the input or the
 * moment, not about a fault in Vakt: a unique or foreign key violation is a conflict, a value
 * PostgreSQL cannot take is bad input, a lost connection is a moment to try again.
 */
export function knownFailure(error: unknown): VaktError | undefined {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  if (code === '23505') return new VaktError('conflict', `a record with these values already exists${constraintOf(error)}`);
  if (code === '23503')
    return new VaktError('conflict', `the record refers to, or is referred to by, another record${constraintOf(error)}`);
  if (code === '23514' || code === '23502' || code.startsWith('22') || code === '54000')
    return new VaktError('validation', 'a value is out of range or not in the form it must have');
  if (code === '40001' || code === '40P01' || code === '55P03')
    return new VaktError('conflict', 'the record was being changed by someone else; try again');
  if (isConnectionLoss(error)) return new VaktError('unavailable', 'the database is not reachable just now; try again in a moment');
  if (code.startsWith('Z_') || code === 'ERR_ZLIB') return new VaktError('validation', 'the compressed data is truncated or corrupt');
  return undefined;
}

function constraintOf(error: unknown): string {
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? ` (${constraint})` : '';
}

/** PostgreSQL went away: terminated, restarting, unreachable, or the connection dropped. */
export function isConnectionLoss(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = error instanceof Error ? error.message : '';
  return (
    code.startsWith('08') ||
    ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN'].includes(code) ||
    /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(message)
  );
}

/** Maps whatever was thrown to a problem. */
export function errorHandler(error: FastifyError | VaktError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof VaktError) {
    if (error.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, error.code, error.message, error.issues);
  }
  const known = knownFailure(error);
  if (known) {
    if (known.status >= 500) request.log.warn({ err: error }, 'request failed: database unavailable');
    if (known.code === 'unavailable') reply.header('retry-after', '5');
    return sendProblem(request, reply, known.code, known.message);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const language = problemLanguage(request);
    const errors = localizedSchemaErrors(fastifyError.validation as ErrorObject[], language);
    const issues = issuesOf(errors).map((issue) => ({
      ...issue,
      field:
        fastifyError.validationContext && fastifyError.validationContext !== 'body'
          ? `${fastifyError.validationContext}.${issue.field}`
          : issue.field,
    }));
    return sendProblem(request, reply, 'validation', issues[0] ? `${issues[0].field}: ${issues[0].reason}` : 'invalid request', issues);
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 429) return sendProblem(request, reply, 'rate-limited', 'too many attempts; wait a minute and try again');
  if (status >= 400 && status < 500) {
    // Malformed JSON, wrong content type, oversized body: Fastify's message is safe and useful.
    const code: ErrorCode = status === 404 ? 'not-found' : status === 403 ? 'forbidden' : 'validation';
    return sendProblem(request, reply, code, fastifyError.message, [], status);
  }
  request.log.error({ err: error }, 'request failed');
  return sendProblem(request, reply, 'internal', `an internal error occurred; quote request id ${request.id}`);
}

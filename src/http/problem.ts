/**
 * RFC 9457 problem+json for every error. 5xx details stay in the log; the client gets the
 * title and a request id to quote.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ERROR_CATALOGUE, VaktError, type ErrorCode, type FieldIssue } from '../core/errors.js';
import { issuesOf } from '../core/validate.js';

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
  const { title } = ERROR_CATALOGUE[code];
  const status = statusOverride ?? ERROR_CATALOGUE[code].status;
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://vakt.dev/problems/${code}`,
      title,
      status,
      ...(detail ? { detail } : {}),
      instance: request.url,
      code,
      requestId: String(request.id),
      ...(issues.length > 0 ? { errors: issues } : {}),
    });
}

/** Maps whatever was thrown to a problem. */
export function errorHandler(error: FastifyError | VaktError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof VaktError) {
    if (error.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, error.code, error.message, error.issues);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const issues = issuesOf(fastifyError.validation as Parameters<typeof issuesOf>[0]).map((issue) => ({
      ...issue,
      field: fastifyError.validationContext && fastifyError.validationContext !== 'body' ? `${fastifyError.validationContext}.${issue.field}` : issue.field,
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

import type {
  FastifyError,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from 'fastify';
import { REPORT_LIMITS } from '../shared/report';

/** Every error this service answers has this shape, so clients handle one format. */
export interface ErrorBody {
  error: string;
  reason: string;
  /** The offending field of a report, when one is to blame. */
  field?: string;
}

const FORMATS: Record<string, string> = {
  id: 'a UUID',
  installId: 'a UUID',
  createdAt: 'an ISO 8601 time such as 2025-06-01T12:00:00Z',
  extensionVersion: 'a version such as 1.2.3',
};

/** Turns the first schema violation into a sentence that names the field. */
export function describeValidationError(issue: FastifySchemaValidationError): ErrorBody {
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const { params } = issue;
  switch (issue.keyword) {
    case 'required':
      return {
        error: 'invalid-report',
        field: String(params.missingProperty),
        reason: `missing field "${String(params.missingProperty)}"`,
      };
    case 'additionalProperties':
      return {
        error: 'invalid-report',
        field: String(params.additionalProperty),
        reason: `unknown field "${String(params.additionalProperty)}": reports carry only the documented fields`,
      };
    case 'type':
      return field
        ? {
            error: 'invalid-report',
            field,
            reason: `"${field}" must be of type ${String(params.type)}`,
          }
        : { error: 'invalid-report', reason: 'the body must be a JSON object' };
    case 'enum':
      return {
        error: 'invalid-report',
        field,
        reason: `"${field}" must be one of: ${(params.allowedValues as unknown[]).join(', ')}`,
      };
    case 'pattern':
      return {
        error: 'invalid-report',
        field,
        reason: `"${field}" must be ${FORMATS[field] ?? `in the format ${String(params.pattern)}`}`,
      };
    default:
      return {
        error: 'invalid-report',
        ...(field ? { field } : {}),
        reason: `"${field || 'body'}" ${issue.message ?? 'is invalid'}`,
      };
  }
}

/** What each Fastify error code means to a client of this service. */
function describeFastifyError(error: FastifyError): { status: number; body: ErrorBody } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        body: {
          error: 'body-too-large',
          reason: `request body exceeds ${REPORT_LIMITS.bodyBytes} bytes`,
        },
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: 'malformed-json', reason: error.message } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { error: 'unsupported-media-type', reason: 'send the report as application/json' },
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { error: 'bad-request', reason: error.message } };
    default:
      return null;
  }
}

export function errorReply(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const issue = error.validation?.[0];
  if (issue) return reply.code(400).send(describeValidationError(issue));
  const known = describeFastifyError(error);
  if (known) return reply.code(known.status).send(known.body);
  const status = error.statusCode ?? 500;
  if (status < 500) {
    return reply.code(status).send({ error: 'bad-request', reason: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  return reply
    .code(status)
    .send({ error: 'internal', reason: 'the server could not handle this request; retry later' });
}

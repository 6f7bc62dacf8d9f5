import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { RELAY_LIMITS } from './relay-limits';

/** Relay errors in the service's one shape, with the relay's own limits in the words. */
export function relayError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation?.[0]) {
    const issue = error.validation[0];
    const field =
      issue.instancePath.replace(/^\//, '') || String(issue.params.missingProperty ?? '');
    return reply.code(400).send({
      error: 'invalid-request',
      reason: `${field || 'body'} ${issue.message ?? 'is invalid'}`,
    });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.code(413).send({
      error: 'body-too-large',
      reason: `bodies are at most ${RELAY_LIMITS.bodyBytes} bytes`,
    });
  }
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return reply.code(400).send({ error: 'malformed-json', reason: error.message });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply
      .code(415)
      .send({ error: 'unsupported-media-type', reason: 'send application/json' });
  }
  const status = error.statusCode ?? 500;
  if (status < 500) return reply.code(status).send({ error: 'bad-request', reason: error.message });
  request.log.error({ err: error }, 'relay request failed');
  return reply.code(500).send({ error: 'internal', reason: 'retry later' });
}

import type { FastifyReply } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

/** Answers with a problem+json body (serialized here, so no response schema reshapes it). */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

export function sendNotFound(reply: FastifyReply, what: string): FastifyReply {
  return sendProblem(reply, problem(404, 'not-found', `no ${what}`));
}

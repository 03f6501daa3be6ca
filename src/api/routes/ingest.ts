import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../deps.js';
import { ingestBody, INGEST_CONTENT_TYPES } from '../ingest-body.js';
import { problem } from '../problem.js';
import { errorResponses, ingestResult, problem as problemSchema } from '../schemas.js';
import { sendProblem } from '../send-problem.js';

/** Where documents posted without `origin` say they came from. */
export const DEFAULT_INGEST_ORIGIN = 'api';

/**
 * POST /api/ingest?origin=…: the body (text, HTML, JSONL, RSS/Atom) is analyzed and stored.
 * 200 with per-document outcomes and per-input errors; 422 when nothing could be read.
 * Registered in its own scope: only here are bodies taken raw, whatever their type.
 */
export function ingestRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser([...INGEST_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: deps.limits.bodyBytes }, (_req, body, done) => done(null, body));
    app.post<{ Querystring: { origin?: string }; Body: Buffer }>('/api/ingest', {
      config: { rateLimit: { max: deps.limits.writesPerMinute, timeWindow: 60_000 } },
      schema: {
        summary: 'Analyze and store documents from the body (text, HTML, JSONL, RSS/Atom, by Content-Type)',
        tags: ['ingest'],
        consumes: [...INGEST_CONTENT_TYPES],
        // Any bytes: the readers decide. A schema without a type documents the body and validates nothing.
        body: { description: 'the document(s): plain text, an HTML page, JSON Lines ({"text", "title", "date", "source"} per line) or an RSS/Atom feed' },
        security: [{ bearer: [] }],
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { origin: { type: 'string', minLength: 1, maxLength: 2048, description: `where the body came from (path or URL); default "${DEFAULT_INGEST_ORIGIN}"` } },
        },
        response: { 200: ingestResult, 413: problemSchema, 415: problemSchema, 422: problemSchema, ...errorResponses },
      },
    }, async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        return sendProblem(reply, problem(400, 'empty-body', 'the request body is empty: send the document as the body'));
      }
      const contentType = request.headers['content-type'] ?? null;
      const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
      const result = await ingestBody(deps.store, deps.analyze, {
        origin: request.query.origin ?? DEFAULT_INGEST_ORIGIN,
        bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        contentType: mediaType === 'application/octet-stream' ? null : contentType,
      });
      if (result.documents.length === 0) {
        const first = result.errors[0];
        return sendProblem(reply, {
          ...problem(422, 'nothing-read', first ? `no document could be read: ${first.detail}` : 'no document in the body'),
          errors: result.errors,
        });
      }
      return result;
    });
  };
}

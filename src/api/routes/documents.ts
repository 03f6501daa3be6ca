import type { FastifyInstance } from 'fastify';
import { documentFilters, type FilterQuery, type PageQuery } from '../filters.js';
import type { RouteDeps } from '../deps.js';
import { sendNotFound } from '../send-problem.js';
import { storyIdOf } from '../stories-read.js';
import { documentFilterQuery, documentIdParams, documentSummary, errorResponses, page, pageQuery, storedDocument } from '../schemas.js';

/** GET /api/documents (filtered, paged), /api/documents/:id, /api/documents/:id/analysis. */
export function documentRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: FilterQuery & PageQuery }>('/api/documents', {
      schema: {
        summary: 'List documents, newest first',
        tags: ['documents'],
        querystring: { type: 'object', additionalProperties: false, properties: { ...documentFilterQuery, ...pageQuery } },
        response: { 200: page(documentSummary), ...errorResponses },
      },
    }, async (request) => deps.store.listDocuments({ ...documentFilters(request.query), limit: request.query.limit ?? 20, cursor: request.query.cursor ?? null }));

    app.get<{ Params: { id: string } }>('/api/documents/:id', {
      schema: {
        summary: 'One document with its text and the id of its story',
        tags: ['documents'],
        params: documentIdParams,
        response: { 200: storedDocument, ...errorResponses },
      },
    }, async (request, reply) => {
      const doc = await deps.store.getDocument(request.params.id);
      if (!doc) return sendNotFound(reply, `document ${request.params.id}`);
      return { ...doc, story: await storyIdOf(deps.store, doc.id) };
    });

    app.get<{ Params: { id: string } }>('/api/documents/:id/analysis', {
      schema: {
        summary: 'The analysis record, byte for byte what `veille analyze --json` printed (veille.analysis/1)',
        description: 'Schema: schema/analysis.schema.json in the repository.',
        tags: ['documents'],
        params: documentIdParams,
        response: { 200: { description: 'veille.analysis/1 record', type: 'object', additionalProperties: true }, ...errorResponses },
      },
    }, async (request, reply) => {
      const json = await deps.store.getAnalysisJson(request.params.id);
      if (json === null) return sendNotFound(reply, `document ${request.params.id}`);
      // Served as stored: no parse and re-serialization, so the bytes are the record's.
      return reply.type('application/json; charset=utf-8').send(json);
    });
  };
}

import type { FastifyInstance } from 'fastify';
import type { EntityType } from '../../core/record.js';
import type { RouteDeps } from '../deps.js';
import type { PageQuery } from '../filters.js';
import { entityOccurrence, entitySummary, errorResponses, page, pageQuery } from '../schemas.js';
import { sendNotFound } from '../send-problem.js';

const ENTITY_TYPES = ['PER', 'ORG', 'GPE', 'LOC', 'MISC'];

/** GET /api/entities (most documents first), /api/entities/:key (its mentions across documents). */
export function entityRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: PageQuery & { type?: EntityType; q?: string } }>('/api/entities', {
      schema: {
        summary: 'Entities across documents, most documents first',
        tags: ['entities'],
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { type: { type: 'string', enum: ENTITY_TYPES }, q: { type: 'string', maxLength: 200, description: 'part of a name (case and accents ignored)' }, ...pageQuery },
        },
        response: { 200: page(entitySummary), ...errorResponses },
      },
    }, async (request) => {
      const { type, q, limit, cursor } = request.query;
      return deps.store.entities({ type: type ?? null, query: q ?? null, limit: limit ?? 20, cursor: cursor ?? null });
    });

    app.get<{ Params: { key: string }; Querystring: PageQuery }>('/api/entities/:key', {
      schema: {
        summary: 'One entity (by key: a KB id such as Q159, or TYPE:name) and where it is mentioned',
        tags: ['entities'],
        params: { type: 'object', required: ['key'], properties: { key: { type: 'string', minLength: 1, maxLength: 500 } } },
        querystring: { type: 'object', additionalProperties: false, properties: { ...pageQuery } },
        response: {
          200: {
            type: 'object', required: ['key', 'type', 'name', 'kb', 'country', 'sector', 'occurrences'],
            properties: {
              key: { type: 'string' }, type: { type: 'string' }, name: { type: 'string' }, kb: { type: ['string', 'null'] },
              country: { type: ['string', 'null'] }, sector: { type: ['string', 'null'] }, occurrences: page(entityOccurrence),
            },
          },
          ...errorResponses,
        },
      },
    }, async (request, reply) => {
      const { key } = request.params;
      const occurrences = await deps.store.entityMentions(key, { limit: request.query.limit ?? 20, cursor: request.query.cursor ?? null });
      const first = occurrences.items[0]?.entities[0];
      if (!first) return sendNotFound(reply, `entity ${key}`);
      return { key, type: first.type, name: first.name, kb: first.kb, country: first.country, sector: first.sector, occurrences };
    });
  };
}

import type { FastifyInstance } from 'fastify';
import { addSubscription, findSubscription, listSubscriptions, removeSubscription } from '../../sources/subscriptions.js';
import type { RouteDeps } from '../deps.js';
import { errorResponses, source } from '../schemas.js';
import { sendNotFound } from '../send-problem.js';

const sourceKeyParams = {
  type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 2048, description: 'the source id, or its URL (percent-encoded)' } },
};

/**
 * Subscriptions that `veille watch` polls, as `veille sources` manages them: list, get, add
 * (POST, JSON), remove (DELETE). Writes need the token when one is set and are rate limited.
 */
export function sourceRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const writeLimit = { rateLimit: { max: deps.limits.writesPerMinute, timeWindow: 60_000 } };

    app.get('/api/sources', {
      schema: {
        summary: 'Feeds and pages polled by `veille watch`, by id',
        tags: ['sources'],
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: source } } }, ...errorResponses },
      },
    }, async () => ({ items: await listSubscriptions(deps.store) }));

    app.get<{ Params: { id: string } }>('/api/sources/:id', {
      schema: { summary: 'One source, by id or URL', tags: ['sources'], params: sourceKeyParams, response: { 200: source, ...errorResponses } },
    }, async (request, reply) => {
      const found = await findSubscription(deps.store, request.params.id);
      return found ?? sendNotFound(reply, `source ${request.params.id}`);
    });

    app.post<{ Body: { url: string; name?: string | null; every?: string | number | null } }>('/api/sources', {
      config: writeLimit,
      schema: {
        summary: 'Subscribe to a feed or page (http or https); due at once',
        tags: ['sources'],
        security: [{ bearer: [] }],
        body: {
          type: 'object', additionalProperties: false, required: ['url'],
          properties: {
            url: { type: 'string', minLength: 1, maxLength: 2048 },
            name: { type: ['string', 'null'], maxLength: 200 },
            every: { anyOf: [{ type: 'string', maxLength: 20 }, { type: 'integer' }, { type: 'null' }], description: 'poll interval: seconds, or 30s, 15m, 1h…' },
          },
        },
        response: { 201: source, ...errorResponses },
      },
    }, async (request, reply) => {
      const { url, name, every } = request.body;
      const added = await addSubscription(deps.store, { url, name: name ?? null, every: every ?? null });
      return reply.code(201).send(added);
    });

    app.delete<{ Params: { id: string } }>('/api/sources/:id', {
      config: writeLimit,
      schema: {
        summary: 'Unsubscribe (the documents already stored stay)',
        tags: ['sources'],
        security: [{ bearer: [] }],
        params: sourceKeyParams,
        response: { 200: source, ...errorResponses },
      },
    }, async (request, reply) => {
      const removed = await removeSubscription(deps.store, request.params.id);
      return removed ?? sendNotFound(reply, `source ${request.params.id}`);
    });
  };
}

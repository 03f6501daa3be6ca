import type { FastifyInstance } from 'fastify';
import { MAX_QUERY_LENGTH } from '../../store/query.js';
import type { RouteDeps } from '../deps.js';
import { documentFilters, type FilterQuery, type PageQuery } from '../filters.js';
import { documentFilterQuery, errorResponses, page, pageQuery, searchHit } from '../schemas.js';

/** GET /api/search?q=…: full-text search; a query with nothing to search for is a 400 that says why. */
export function searchRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: FilterQuery & PageQuery & { q: string } }>('/api/search', {
      schema: {
        summary: 'Full-text search over titles and texts (accents and case folded), best first',
        description: 'Words must all match; "quoted phrase" for an exact phrase; prefix* for the start of a word.',
        tags: ['documents'],
        querystring: {
          type: 'object', additionalProperties: false, required: ['q'],
          properties: { q: { type: 'string', maxLength: MAX_QUERY_LENGTH }, ...documentFilterQuery, ...pageQuery },
        },
        response: { 200: page(searchHit), ...errorResponses },
      },
    }, async (request) => {
      const { q, limit, cursor } = request.query;
      const f = documentFilters(request.query);
      // `entity` rides along in the spread: SearchOptions does not declare it yet, but the SQLite
      // store applies the same conditions as listing (test/api covers it).
      return deps.store.search({ ...f, query: q, limit: limit ?? 20, cursor: cursor ?? null });
    });
  };
}

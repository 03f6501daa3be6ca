/**
 * The web UI: server-rendered pages over the same store as the API. Pages read their query
 * leniently (a bad filter is shown as a message, not a 400 body); every value from the store
 * reaches HTML through the `html` template.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { queryEvents } from '../api/events-query.js';
import type { WebDeps } from './deps.js';
import type { EntityType } from '../core/record.js';
import { entitiesPage, ENTITY_TYPES, type EntitiesPageData } from './pages/entities.js';
import { entityPage } from './pages/entity.js';
import { documentPage } from './pages/document.js';
import { errorPage } from './pages/error.js';
import { eventsPage, type EventFilterParams, type EventsPageData } from './pages/events.js';
import { searchPage, type SearchPageData, type SearchParams } from './pages/search.js';
import { loginRoutes } from './login-routes.js';
import { pageContext, param, sendPage } from './request-context.js';
import { parseTargetSpan } from './span-link.js';
import { userError } from './user-error.js';
import { storyRoutes as storyPageRoutes } from './story-routes.js';
import { storyOfDocument } from '../api/stories-read.js';

export type { WebDeps } from './deps.js';

/** Results per page in the UI. */
const PAGE_SIZE = 20;
const DOCUMENT_ID = /^[0-9a-f]{16}$/;

export function webRoutes(deps: WebDeps) {
  const loginEnabled = deps.loginToken !== null;
  const ctxOf = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply, loginEnabled);

  return async (app: FastifyInstance): Promise<void> => {
    await app.register(loginRoutes(deps));
    await app.register(storyPageRoutes(deps, ctxOf));
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const params: SearchParams = {
        q: param(request, 'q'), language: param(request, 'language'), source: param(request, 'source'),
        date_from: param(request, 'date_from'), date_to: param(request, 'date_to'), entity: param(request, 'entity'),
      };
      const filters = {
        language: params.language || null, source: params.source || null, dateFrom: params.date_from || null,
        dateTo: params.date_to || null, entity: params.entity || null, limit: PAGE_SIZE, cursor: param(request, 'cursor') || null,
      };
      const stats = await deps.store.stats();
      const data: SearchPageData = { params, results: [], nextCursor: null, facets: stats, error: null, entityName: null };
      try {
        if (params.q) {
          const page = await deps.store.search({ ...filters, query: params.q });
          data.results = page.items.map((hit) => ({ doc: hit, snippet: hit.snippet }));
          data.nextCursor = page.nextCursor;
        } else {
          const page = await deps.store.listDocuments(filters);
          data.results = page.items.map((doc) => ({ doc, snippet: null }));
          data.nextCursor = page.nextCursor;
        }
        if (params.entity) data.entityName = (await deps.store.entityMentions(params.entity, { limit: 1 })).items[0]?.entities[0]?.name ?? null;
      } catch (error) {
        data.error = userError(error);
      }
      return sendPage(reply, data.error ? 400 : 200, searchPage(ctx, data));
    });

    app.get<{ Params: { id: string } }>('/documents/:id', { schema: { hide: true } }, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const id = request.params.id;
      const record = DOCUMENT_ID.test(id) ? await deps.store.getAnalysis(id) : null;
      if (!record) return sendPage(reply, 404, errorPage(ctx, 404, ctx.t.t('error.no_document', { id })));
      const target = parseTargetSpan(param(request, 'span'), record.doc.text.length);
      return sendPage(reply, 200, documentPage(ctx, record, { target, story: await storyOfDocument(deps.store, id) }));
    });

    app.get('/entities', { schema: { hide: true } }, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const type = param(request, 'type');
      const q = param(request, 'q');
      const data: EntitiesPageData = { type, q, items: [], nextCursor: null, error: null };
      try {
        const validType = (ENTITY_TYPES as readonly string[]).includes(type) ? (type as EntityType) : null;
        const page = await deps.store.entities({ type: validType, query: q || null, limit: PAGE_SIZE, cursor: param(request, 'cursor') || null });
        data.items = page.items;
        data.nextCursor = page.nextCursor;
      } catch (error) {
        data.error = userError(error);
      }
      return sendPage(reply, data.error ? 400 : 200, entitiesPage(ctx, data));
    });

    app.get<{ Params: { key: string } }>('/entities/:key', { schema: { hide: true } }, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const key = request.params.key;
      let page;
      try {
        page = await deps.store.entityMentions(key, { limit: PAGE_SIZE, cursor: param(request, 'cursor') || null });
      } catch (error) {
        return sendPage(reply, 400, errorPage(ctx, 400, userError(error)));
      }
      const first = page.items[0]?.entities[0];
      if (!first) return sendPage(reply, 404, errorPage(ctx, 404, ctx.t.t('error.no_entity', { key })));
      const occurrences = [];
      for (const o of page.items) {
        const doc = await deps.store.getDocument(o.document.id);
        occurrences.push({ ...o, text: doc?.text ?? '' });
      }
      return sendPage(reply, 200, entityPage(ctx, {
        key, name: first.name, type: first.type, kb: first.kb, country: first.country, sector: first.sector, occurrences, nextCursor: page.nextCursor,
      }));
    });

    app.get('/events', { schema: { hide: true } }, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const params: EventFilterParams = {
        event: param(request, 'event'), actor: param(request, 'actor'), recipient: param(request, 'recipient'),
        modality: param(request, 'modality'), date_from: param(request, 'date_from'), date_to: param(request, 'date_to'),
      };
      const data: EventsPageData = { params, rows: [], nextCursor: null, error: null };
      try {
        const page = await queryEvents(deps.store, {
          event: params.event || null, actor: params.actor || null, recipient: params.recipient || null, modality: params.modality || null,
          dateFrom: params.date_from || null, dateTo: params.date_to || null,
        }, { limit: PAGE_SIZE * 5, cursor: param(request, 'cursor') || null });
        data.rows = page.items;
        data.nextCursor = page.nextCursor;
      } catch (error) {
        data.error = userError(error);
      }
      return sendPage(reply, data.error ? 400 : 200, eventsPage(ctx, data));
    });

    const require = createRequire(import.meta.url);
    const cytoscapePath = require.resolve('cytoscape/dist/cytoscape.min.js');
    app.get('/static/vendor/cytoscape.min.js', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(await readFile(cytoscapePath)));
  };
}

import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../deps.js';
import { eventsCsv } from '../events-csv.js';
import { matchingEvents, queryEvents, type EventFilter } from '../events-query.js';
import { errorResponses, eventRow, page, pageQuery } from '../schemas.js';

const MODALITIES = ['asserted', 'reported', 'future', 'hypothetical', 'negated', 'historical'];
const isoDate = { type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$' };

export interface EventQuery {
  event?: string;
  actor?: string;
  recipient?: string;
  modality?: string;
  date_from?: string;
  date_to?: string;
  document?: string;
  format?: 'json' | 'jsonl' | 'csv';
  limit?: number;
  cursor?: string;
}

export const eventQueryProperties = {
  event: { type: 'string', pattern: '^[A-Za-z_]{1,40}$', description: 'PLOVER category, e.g. CONSULT' },
  actor: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,40}$', description: 'an actor code, e.g. RUS' },
  recipient: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,40}$', description: 'a recipient code' },
  modality: { type: 'string', enum: MODALITIES },
  date_from: isoDate,
  date_to: isoDate,
  document: { type: 'string', pattern: '^[0-9a-f]{16}$' },
};

export function eventFilter(q: EventQuery): EventFilter {
  return {
    event: q.event || null, actor: q.actor || null, recipient: q.recipient || null, modality: q.modality || null,
    dateFrom: q.date_from || null, dateTo: q.date_to || null, document: q.document || null,
  };
}

/**
 * GET /api/events: events filtered by category, actor or recipient code, modality, date.
 * `format=json` (default) is paged; `csv` and `jsonl` stream every match as a download.
 */
export function eventRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: EventQuery }>('/api/events', {
      schema: {
        summary: 'PLOVER events across documents; CSV and JSONL export',
        tags: ['events'],
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { ...eventQueryProperties, format: { type: 'string', enum: ['json', 'jsonl', 'csv'], default: 'json' }, ...pageQuery },
        },
        response: { 200: page(eventRow), ...errorResponses },
      },
    }, async (request, reply) => {
      const filter = eventFilter(request.query);
      const format = request.query.format ?? 'json';
      if (format === 'json') return queryEvents(deps.store, filter, { limit: request.query.limit ?? 20, cursor: request.query.cursor ?? null });
      const rows = matchingEvents(deps.store, filter);
      // Check the filter before the first byte goes out, so a bad one is still a 400.
      const iterator = rows[Symbol.asyncIterator]();
      const first = await iterator.next();
      async function* all() {
        if (!first.done) yield first.value;
        for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
      }
      const body = format === 'csv' ? eventsCsv(all()) : jsonLines(all());
      reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="veille-events.${format}"`);
      return reply.send(Readable.from(body));
    });
  };
}

async function* jsonLines(rows: AsyncIterable<{ document: unknown; event: unknown }>): AsyncIterable<string> {
  for await (const row of rows) yield `${JSON.stringify({ document: row.document, event: row.event })}\n`;
}

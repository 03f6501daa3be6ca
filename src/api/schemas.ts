/**
 * JSON schemas of the API's requests and responses. Fastify validates requests with them,
 * response-validation.ts checks responses against them, and @fastify/swagger turns them into
 * the OpenAPI document. Shapes follow the Store interface (src/store/store.ts).
 */
import { MAX_PAGE_LIMIT } from '../store/store.js';

type Schema = Record<string, unknown>;

const nullableString: Schema = { type: ['string', 'null'] };
const span: Schema = { type: 'object', required: ['start', 'end'], properties: { start: { type: 'integer' }, end: { type: 'integer' } } };
const textSpan: Schema = {
  type: 'object', required: ['start', 'end', 'text'],
  properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } },
};
const isoDate = { type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$' };

export const docSource: Schema = {
  type: 'object', required: ['name', 'url'], properties: { name: nullableString, url: nullableString },
};

const summaryProperties = {
  id: { type: 'string' },
  origin: { type: 'string' },
  source: docSource,
  title: nullableString,
  date: nullableString,
  language: { type: 'string' },
  ingestedAt: { type: 'string' },
};
const summaryRequired = ['id', 'origin', 'source', 'title', 'date', 'language', 'ingestedAt'];

export const documentSummary: Schema = { type: 'object', required: summaryRequired, properties: summaryProperties };

/** A document with its text and the story it belongs to (GET /api/stories/{story}), null when none. */
export const storedDocument: Schema = {
  type: 'object', required: [...summaryRequired, 'text', 'story'],
  properties: { ...summaryProperties, text: { type: 'string' }, story: { ...nullableString, description: 'the id of its story (GET /api/stories/{id})' } },
};

export const searchHit: Schema = {
  type: 'object', required: [...summaryRequired, 'snippet', 'score'],
  properties: {
    ...summaryProperties,
    snippet: { type: 'object', required: ['text', 'marks'], properties: { text: { type: 'string' }, marks: { type: 'array', items: span } } },
    score: { type: 'number' },
  },
};

const entityType = { type: 'string', enum: ['PER', 'ORG', 'GPE', 'LOC', 'MISC'] };

export const entitySummary: Schema = {
  type: 'object', required: ['key', 'type', 'name', 'kb', 'country', 'sector', 'documents', 'mentions'],
  properties: {
    key: { type: 'string' }, type: entityType, name: { type: 'string' }, kb: nullableString, country: nullableString,
    sector: nullableString, documents: { type: 'integer' }, mentions: { type: 'integer' },
  },
};

export const entityOccurrence: Schema = {
  type: 'object', required: ['document', 'entities'],
  properties: {
    document: documentSummary,
    entities: {
      type: 'array',
      items: {
        type: 'object', required: ['id', 'type', 'name', 'kb', 'country', 'sector', 'mentions'],
        properties: {
          id: { type: 'string' }, type: entityType, name: { type: 'string' }, kb: nullableString,
          country: nullableString, sector: nullableString, mentions: { type: 'array', items: textSpan },
        },
      },
    },
  },
};

const participant: Schema = {
  type: 'object', required: ['entity', 'code', 'sector', 'name'], additionalProperties: true,
  properties: { entity: nullableString, code: nullableString, sector: nullableString, name: { type: 'string' } },
};

/** An event as the record has it (contract: events); new fields pass through. */
export const eventRecord: Schema = {
  type: 'object', additionalProperties: true,
  required: ['id', 'event', 'mode', 'context', 'actor', 'recipient', 'date', 'modality', 'quad_code', 'event_scale', 'start', 'end', 'event_text'],
  properties: {
    id: { type: 'string' }, event: { type: 'string' },
    mode: { type: 'array', items: { type: 'string' } }, context: { type: 'array', items: { type: 'string' } },
    actor: { type: 'array', items: participant }, recipient: { type: 'array', items: participant },
    date: nullableString, time: nullableString,
    event_loc: {
      anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: true, properties: { entity: nullableString, name: { type: 'string' }, code: nullableString } }],
    },
    modality: { type: 'string' }, attributed_to: nullableString,
    quad_code: { type: 'integer' }, event_scale: { type: 'number' },
    start: { type: 'integer' }, end: { type: 'integer' }, event_text: { type: 'string' },
    evidence: span, rule: { type: 'string' },
  },
};

export const eventRow: Schema = {
  type: 'object', required: ['document', 'event'],
  properties: {
    document: {
      type: 'object', required: ['id', 'origin', 'title', 'date', 'source', 'language'],
      properties: { id: { type: 'string' }, origin: { type: 'string' }, title: nullableString, date: nullableString, source: docSource, language: { type: 'string' } },
    },
    event: eventRecord,
  },
};

/** `{ items, nextCursor }`: pass nextCursor back as `cursor` for the next page. */
export function page(items: Schema): Schema {
  return {
    type: 'object', required: ['items', 'nextCursor'],
    properties: { items: { type: 'array', items }, nextCursor: nullableString },
  };
}

export const problem: Schema = {
  type: 'object', required: ['type', 'title', 'status', 'detail'],
  description: 'RFC 9457 problem details (application/problem+json)',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { origin: { type: 'string' }, code: { type: 'string' }, detail: { type: 'string' } } } },
  },
};

export const ingestResult: Schema = {
  type: 'object', required: ['documents', 'errors'],
  properties: {
    documents: {
      type: 'array',
      items: {
        type: 'object', required: ['id', 'origin', 'title', 'language', 'status'],
        properties: {
          id: { type: 'string' }, origin: { type: 'string' }, title: nullableString, language: { type: 'string' },
          status: { type: 'string', enum: ['inserted', 'unchanged', 'updated'] },
        },
      },
    },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['origin', 'code', 'detail'], properties: { origin: { type: 'string' }, code: { type: 'string' }, detail: { type: 'string' } } },
    },
  },
};

/** Query parameters shared by listing and search (snake_case, as in the CLI's flags). */
export const documentFilterQuery = {
  source: { type: 'string', maxLength: 500 },
  language: { type: 'string', pattern: '^[a-z]{2,3}$' },
  date_from: { ...isoDate, description: 'on or after (2023, 2023-10 or 2023-10-18)' },
  date_to: { ...isoDate, description: 'on or before (2023, 2023-10 or 2023-10-18)' },
  entity: { type: 'string', maxLength: 500, description: 'an entity key (GET /api/entities)' },
};

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: 20 },
  cursor: { type: 'string', maxLength: 4096 },
};

/** Error responses every route may give. */
export const errorResponses = {
  400: problem, 401: problem, 403: problem, 404: problem, 429: problem, 500: problem,
};

export const documentIdParams: Schema = {
  type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f]{16}$' } },
};

const factCounts: Schema = {
  type: 'object', required: ['agreed', 'single_source', 'conflict'],
  properties: { agreed: { type: 'integer' }, single_source: { type: 'integer' }, conflict: { type: 'integer' } },
};

/** A story in a list (src/api/story-listing.ts); the whole record is GET /api/stories/:id. */
export const storyListItem: Schema = {
  type: 'object',
  required: ['id', 'title', 'article_count', 'independent_source_count', 'first_seen', 'last_seen', 'sources', 'languages', 'facts'],
  properties: {
    id: { type: 'string' }, title: { type: 'string' }, article_count: { type: 'integer' }, independent_source_count: { type: 'integer' },
    first_seen: nullableString, last_seen: nullableString,
    sources: { type: 'array', items: { type: 'string' } }, languages: { type: 'array', items: { type: 'string' } }, facts: factCounts,
  },
};

/** A story id (`s` + 16 hex) or the id of one of its documents, as `veille story ID` takes. */
export const storyIdParams: Schema = {
  type: 'object', required: ['id'],
  properties: { id: { type: 'string', pattern: '^s?[0-9a-f]{16}$', description: 'a story id (s…) or the id of one of its documents' } },
};

/** A feed or page that `veille watch` polls (Store `Source`). */
export const source: Schema = {
  type: 'object',
  required: ['id', 'url', 'name', 'everySeconds', 'etag', 'lastModified', 'lastPolledAt', 'nextPollAt', 'failures', 'lastError', 'createdAt'],
  properties: {
    id: { type: 'integer' }, url: { type: 'string' }, name: nullableString, everySeconds: { type: 'integer' },
    etag: nullableString, lastModified: nullableString, lastPolledAt: nullableString, nextPollAt: { type: 'string' },
    failures: { type: 'integer' }, lastError: nullableString, createdAt: { type: 'string' },
  },
};

import type { FastifyInstance } from 'fastify';
import { graphToGraphml, graphToJson } from '../../stories/export-graph.js';
import type { FactKind, FactStatus } from '../../stories/story.js';
import type { RouteDeps } from '../deps.js';
import type { PageQuery } from '../filters.js';
import { errorResponses, page, pageQuery, storyIdParams, storyListItem } from '../schemas.js';
import { sendNotFound } from '../send-problem.js';
import { findStory, listStoryItems, MAX_STORY_PAGE } from '../stories-read.js';
import { storyPart, storyRecordSchema } from '../story-schema.js';

const FACT_STATUSES = ['agreed', 'single_source', 'conflict'];
const FACT_KINDS = ['event', 'quantity', 'claim', 'quote', 'time'];

type ById = { Params: { id: string } };

/**
 * Stories: reports of the same events across outlets and languages, compared fact by fact.
 * GET /api/stories (newest first, paged), /api/stories/:id (the `veille.story/1` record,
 * what `veille story ID --json` prints), and its facts, timeline and actor graph (JSON, JSON
 * Graph Format or GraphML). `:id` is a story id or the id of one of its documents.
 */
export function storyRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const load = async (id: string) => findStory(deps.store, id);
    const noStory = (id: string): string => `story ${id} (nor a document with this id in a story)`;

    app.get<{ Querystring: PageQuery }>('/api/stories', {
      schema: {
        summary: 'Stories, newest first (by their latest document date)',
        tags: ['stories'],
        querystring: { type: 'object', additionalProperties: false, properties: { ...pageQuery, limit: { ...pageQuery.limit, maximum: MAX_STORY_PAGE } } },
        response: { 200: page(storyListItem), ...errorResponses },
      },
    }, async (request) => listStoryItems(deps.store, request.query.limit ?? 20, request.query.cursor ?? null));

    app.get<ById>('/api/stories/:id', {
      schema: {
        summary: 'One story record (veille.story/1), as `veille story ID --json` prints it',
        description: 'Schema: schema/story.schema.json in the repository. Every span names its document and indexes its text.',
        tags: ['stories'],
        params: storyIdParams,
        response: { 200: storyRecordSchema(), ...errorResponses },
      },
    }, async (request, reply) => {
      const story = await load(request.params.id);
      if (!story) return sendNotFound(reply, noStory(request.params.id));
      // Checked against the schema (preSerialization), then written as the CLI writes it.
      return reply.type('application/json; charset=utf-8').serializer((payload: unknown) => JSON.stringify(payload)).send(story);
    });

    app.get<ById & { Querystring: { status?: FactStatus; kind?: FactKind } }>('/api/stories/:id/facts', {
      schema: {
        summary: 'The sources compared fact by fact: agreed, single source or conflict, each report with its span',
        tags: ['stories'],
        params: storyIdParams,
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { status: { type: 'string', enum: FACT_STATUSES }, kind: { type: 'string', enum: FACT_KINDS } },
        },
        response: { 200: { type: 'object', required: ['story', 'facts'], properties: { story: { type: 'string' }, facts: storyPart('facts') } }, ...errorResponses },
      },
    }, async (request, reply) => {
      const story = await load(request.params.id);
      if (!story) return sendNotFound(reply, noStory(request.params.id));
      const { status, kind } = request.query;
      return { story: story.id, facts: story.facts.filter((f) => (!status || f.status === status) && (!kind || f.kind === kind)) };
    });

    app.get<ById>('/api/stories/:id/timeline', {
      schema: {
        summary: 'The story\'s dated events and times, in order, each with the spans that tell it',
        tags: ['stories'],
        params: storyIdParams,
        response: { 200: { type: 'object', required: ['story', 'timeline'], properties: { story: { type: 'string' }, timeline: storyPart('timeline') } }, ...errorResponses },
      },
    }, async (request, reply) => {
      const story = await load(request.params.id);
      if (!story) return sendNotFound(reply, noStory(request.params.id));
      return { story: story.id, timeline: story.timeline };
    });

    const graph = storyPart('graph') as { properties: Record<string, unknown> };
    app.get<ById & { Querystring: { format?: 'json' | 'jgf' | 'graphml' } }>('/api/stories/:id/graph', {
      schema: {
        summary: 'The actor graph: participants as nodes, PLOVER events as directed edges with their spans',
        description: '`format=json` (default) as in the story record; `jgf`: JSON Graph Format v2; `graphml`: GraphML for Gephi, yEd or Cytoscape, as a download.',
        tags: ['stories'],
        params: storyIdParams,
        querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['json', 'jgf', 'graphml'], default: 'json' } } },
        response: {
          200: { type: 'object', required: ['story', 'nodes', 'edges'], additionalProperties: true, properties: { story: { type: 'string' }, ...graph.properties } },
          ...errorResponses,
        },
      },
    }, async (request, reply) => {
      const story = await load(request.params.id);
      if (!story) return sendNotFound(reply, noStory(request.params.id));
      const format = request.query.format ?? 'json';
      if (format === 'graphml') {
        return reply.type('application/graphml+xml; charset=utf-8')
          .header('content-disposition', `attachment; filename="veille-${story.id}.graphml"`).send(graphToGraphml(story));
      }
      // JGF is its own schema: sent as a string so the record graph's schema does not reshape it.
      if (format === 'jgf') return reply.type('application/json; charset=utf-8').send(JSON.stringify(graphToJson(story)));
      return { story: story.id, ...story.graph };
    });
  };
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../api/deps.js';
import { findStory, listStoryItems } from '../api/stories-read.js';
import type { PageContext } from './page-context.js';
import { errorPage } from './pages/error.js';
import { storiesPage, type StoriesPageData } from './pages/stories.js';
import { storyPage } from './pages/story.js';
import { param, sendPage } from './request-context.js';
import { userError } from './user-error.js';

/** Stories per page of the list (each is built from its documents' records). */
const PAGE_SIZE = 20;

/** /stories (newest first) and /stories/:id (a story id, or one of its documents' ids). */
export function storyRoutes(deps: RouteDeps, ctxOf: (request: FastifyRequest, reply: FastifyReply) => PageContext) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/stories', { schema: { hide: true } }, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const data: StoriesPageData = { items: [], nextCursor: null, error: null };
      try {
        const page = await listStoryItems(deps.store, PAGE_SIZE, param(request, 'cursor') || null);
        data.items = page.items;
        data.nextCursor = page.nextCursor;
      } catch (error) {
        data.error = userError(error);
      }
      return sendPage(reply, data.error ? 400 : 200, storiesPage(ctx, data));
    });

    app.get<{ Params: { id: string } }>('/stories/:id', { schema: { hide: true } }, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const id = request.params.id;
      const story = /^s?[0-9a-f]{16}$/.test(id) ? await findStory(deps.store, id) : null;
      if (!story) return sendPage(reply, 404, errorPage(ctx, 404, ctx.t.t('error.no_story', { id })));
      if (story.id !== id) return reply.redirect(`/stories/${story.id}`, 303);
      const titles = new Map<string, string | null>();
      for (const d of story.documents) titles.set(d.id, (await deps.store.getDocument(d.id))?.title ?? null);
      return sendPage(reply, 200, storyPage(ctx, story, titles));
    });
  };
}

import type { FastifyInstance } from 'fastify';
import { VERSION } from '../../core/version.js';

/** GET /api/health: liveness only (public even with a token, so it says nothing about the data). */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/health', {
    schema: {
      summary: 'Liveness probe',
      tags: ['health'],
      response: { 200: { type: 'object', required: ['status', 'version'], properties: { status: { type: 'string', enum: ['ok'] }, version: { type: 'string' } } } },
    },
  }, async () => ({ status: 'ok' as const, version: VERSION }));
}

import type { FastifyInstance } from 'fastify';
import { sameSecret, sessionCookie, sessionValue } from '../api/session.js';
import { loginPage } from './pages/login.js';
import { pageContext, param, sendPage } from './request-context.js';
import type { WebDeps } from './deps.js';
import { localPath } from './safe-url.js';

/**
 * GET/POST /login and POST /logout: only when a token protects the UI (non-loopback host).
 * The cookie holds an HMAC of the token (session.ts); `next` is kept to local paths.
 */
export function loginRoutes(deps: WebDeps) {
  const loginEnabled = deps.loginToken !== null;
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/login', { schema: { hide: true } }, async (request, reply) => {
      if (!loginEnabled) return reply.redirect('/', 303);
      const ctx = pageContext(request, reply, loginEnabled);
      return sendPage(reply, 200, loginPage(ctx, { next: localPath(param(request, 'next')), failed: false }));
    });

    app.post<{ Body: Record<string, string> }>('/login', {
      schema: { hide: true },
      config: { rateLimit: { max: deps.limits.loginsPerMinute, timeWindow: 60_000 } },
    }, async (request, reply) => {
      if (!loginEnabled || deps.loginToken === null) return reply.redirect('/', 303);
      const body = request.body ?? {};
      const next = localPath(typeof body.next === 'string' ? body.next : '/');
      const given = typeof body.token === 'string' ? body.token : '';
      if (!sameSecret(given, deps.loginToken)) {
        return sendPage(reply, 401, loginPage(pageContext(request, reply, loginEnabled), { next, failed: true }));
      }
      reply.header('set-cookie', sessionCookie(sessionValue(deps.loginToken), request.protocol === 'https'));
      return reply.redirect(next, 303);
    });

    app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
      reply.header('set-cookie', sessionCookie(null, request.protocol === 'https'));
      return reply.redirect(loginEnabled ? '/login' : '/', 303);
    });
  };
}

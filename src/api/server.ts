/**
 * The HTTP server: the JSON API under /api (OpenAPI 3.1 at /api/openapi.json, generated from
 * the route schemas) and the web UI, over one Store.
 *
 * @example
 *   const app = await createServer({ store, host: '127.0.0.1' });
 *   await app.listen({ host: '127.0.0.1', port: 8080 });
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { analyzeIngested } from '../analyzers/index.js';
import { VeilleError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import type { Store } from '../store/store.js';
import { errorPage } from '../web/pages/error.js';
import { pageContext, sendPage } from '../web/request-context.js';
import { webRoutes } from '../web/routes.js';
import { accessPolicy, decideAccess } from './access.js';
import type { ServerLimits } from './deps.js';
import type { AnalyzeDocuments } from './ingest-body.js';
import { problem, problemFromError } from './problem.js';
import { validateResponses } from './response-validation.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { ingestRoutes } from './routes/ingest.js';
import { searchRoutes } from './routes/search.js';
import { sourceRoutes } from './routes/sources.js';
import { storyRoutes } from './routes/stories.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { sendProblem } from './send-problem.js';

export interface ServerOptions {
  store: Store;
  /** The address it will listen on: a non-loopback host requires `token`. */
  host: string;
  /** VEILLE_TOKEN: bearer token for writes (and for everything on a non-loopback host). */
  token?: string | null;
  /** Turns ingested documents into their records; default: the full pipeline (`analyzeIngested`). */
  analyze?: AnalyzeDocuments;
  limits?: Partial<ServerLimits>;
  /** Where server failures are written (one line each); default: nowhere. */
  log?: (line: string) => void;
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = {
  // 5 MiB: a long article is ~100 KB and a large feed a few MB; analysis of one body blocks
  // the event loop, so bodies are kept well under the CLI's 20 MiB file limit.
  bodyBytes: 5 * 1024 * 1024,
  writesPerMinute: 60,
  loginsPerMinute: 10,
};

/** A token shorter than this is refused on a non-loopback host: it would be guessable. */
export const MIN_TOKEN_LENGTH = 16;

/** Client files (CSS, JS): src/web/static, the same path from src/api and dist/api. */
export const STATIC_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'web', 'static');

const defaultAnalyze: AnalyzeDocuments = (docs) => analyzeIngested(docs);

const isApi = (url: string): boolean => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const token = options.token || null;
  const policy = accessPolicy(options.host, token);
  if (policy.requireAll && token === null) {
    throw new VeilleError('USAGE', `listening on ${options.host} exposes the server beyond this machine: set VEILLE_TOKEN (at least ${MIN_TOKEN_LENGTH} characters) or use --host 127.0.0.1`);
  }
  if (policy.requireAll && token !== null && token.length < MIN_TOKEN_LENGTH) {
    throw new VeilleError('USAGE', `VEILLE_TOKEN is ${token.length} characters long; a server listening on ${options.host} needs at least ${MIN_TOKEN_LENGTH}`);
  }
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? (() => {});
  const deps = { store: options.store, analyze: options.analyze ?? defaultAnalyze, limits };
  const loginEnabled = policy.requireAll;

  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyBytes,
    routerOptions: { maxParamLength: 600 },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = routedPath(request);
    const decision = decideAccess(policy, { method: request.method, path, headers: request.headers });
    if (decision.allow) return;
    if (decision.login) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    if (decision.status === 401 && isApi(path)) reply.header('www-authenticate', 'Bearer realm="veille"');
    return isApi(path) ? sendProblem(reply, problem(decision.status, 'access', decision.detail)) : sendPage(reply, decision.status, errorPage(pageContext(request, reply, false), decision.status, decision.detail));
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error, request, reply) => handleError(error, request, reply, log));
  app.setNotFoundHandler((request, reply) => {
    if (isApi(routedPath(request))) return sendProblem(reply, problem(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`));
    const ctx = pageContext(request, reply, loginEnabled);
    return sendPage(reply, 404, errorPage(ctx, 404, ctx.t.t('error.no_page')));
  });

  // The login form posts application/x-www-form-urlencoded; no other route reads it.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Veille API', version: VERSION, description: 'Documents, analysis records (veille.analysis/1), entities, events, stories (veille.story/1) and sources. Errors are application/problem+json.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'VEILLE_TOKEN' } } },
      security: policy.requireAll ? [{ bearer: [] }] : [],
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: STATIC_ROOT, prefix: '/static/', decorateReply: false, index: false, list: false, dotfiles: 'deny',
    cacheControl: false, setHeaders: (res) => res.setHeader('cache-control', 'public, max-age=3600'),
  });
  validateResponses(app);

  await app.register(healthRoutes);
  await app.register(documentRoutes(deps));
  await app.register(searchRoutes(deps));
  await app.register(ingestRoutes(deps));
  await app.register(entityRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(storyRoutes(deps));
  await app.register(sourceRoutes(deps));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(webRoutes({ ...deps, loginToken: loginEnabled ? token : null }));
  await app.ready();
  return app;
}

/** The route pattern the router chose, or the percent-decoded path when none matched. */
function routedPath(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  if (pattern) return pattern;
  const raw = request.url.split('?')[0] ?? '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply, log: (line: string) => void): FastifyReply {
  const { problem: body, internal } = problemFromError(error);
  if (internal) log(`veille serve: ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (body.status === 415) body.detail = `${body.detail}; POST /api/ingest takes text/plain, text/html, application/x-ndjson, application/rss+xml or application/atom+xml`;
  if (body.status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
  if (isApi(routedPath(request))) return sendProblem(reply, body);
  return sendPage(reply, body.status, errorPage(pageContext(request, reply, false), body.status, body.detail));
}

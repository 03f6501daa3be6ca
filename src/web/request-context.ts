import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseCookies } from '../api/session.js';
import { LANG_COOKIE, pickUiLanguage, translator } from './i18n.js';
import type { PageContext } from './page-context.js';

/** Longest query value a page reads; longer ones are cut (pages are forgiving, the API is strict). */
const MAX_PARAM_CHARS = 1000;

/** The page context of a request; a `?lang=` choice is remembered in a cookie. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, loginEnabled: boolean): PageContext {
  const query = request.query as Record<string, unknown>;
  const cookies = parseCookies(request.headers.cookie);
  const lang = pickUiLanguage({ query: query.lang, cookie: cookies.get(LANG_COOKIE), acceptLanguage: request.headers['accept-language'] });
  if (query.lang === lang && cookies.get(LANG_COOKIE) !== lang) {
    reply.header('set-cookie', `${LANG_COOKIE}=${lang}; Path=/; SameSite=Strict; Max-Age=31536000`);
  }
  return { t: translator(lang), url: request.url, loginEnabled };
}

/** A query parameter as a trimmed string ('' when absent or not a string). */
export function param(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim().slice(0, MAX_PARAM_CHARS) : '';
}

export function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
}

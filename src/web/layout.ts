import { html, type SafeHtml } from './html.js';
import { UI_LANGUAGES } from './i18n.js';
import { withQuery, type PageContext } from './page-context.js';

export type NavSection = 'search' | 'stories' | 'entities' | 'events' | null;

/**
 * The page shell: one stylesheet and deferred scripts from /static (the CSP allows no
 * inline script or style), a skip link, the navigation and the language switch.
 */
export function layout(ctx: PageContext, page: { title: string; section: NavSection; body: SafeHtml; scripts?: readonly string[] }): string {
  const { t } = ctx;
  const nav = (section: Exclude<NavSection, null>, href: string, label: string): SafeHtml =>
    html`<a href="${href}"${page.section === section ? html` aria-current="page"` : ''}>${label}</a>`;
  const languages = UI_LANGUAGES.filter((l) => l !== t.lang).map((l) =>
    html`<a href="${withQuery(ctx.url, { lang: l })}" hreflang="${l}" lang="${l}">${t.t(`lang.switch.${l}`)}</a>`);
  return html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Veille</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
${(page.scripts ?? []).map((src) => html`<script src="${src}" defer></script>
`)}
</head>
<body>
<a class="skip" href="#main">${t.t('nav.skip')}</a>
<header class="top">
<a class="brand" href="/">Veille</a>
<nav aria-label="${t.t('nav.label')}">${nav('search', '/', t.t('nav.search'))}${nav('stories', '/stories', t.t('nav.stories'))}${nav('entities', '/entities', t.t('nav.entities'))}${nav('events', '/events', t.t('nav.events'))}</nav>
<div class="top-end">${languages}${ctx.loginEnabled ? html`<form method="post" action="/logout" class="inline"><button type="submit" class="link">${t.t('nav.logout')}</button></form>` : ''}</div>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
<footer class="foot"><a href="/api/openapi.json">${t.t('nav.api')}</a></footer>
</body>
</html>
`.value;
}

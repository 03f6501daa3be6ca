import { html } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

/** A page for 404 and other failures; `detail` is shown escaped (it may quote user input). */
export function errorPage(ctx: PageContext, status: number, detail: string): string {
  const { t } = ctx;
  const title = status === 404 ? t.t('error.not_found') : status < 500 ? t.t('error.bad_request') : t.t('error.server');
  const body = html`<section class="error-page"><h1>${title}</h1><p>${detail}</p><p><a href="/">${t.t('error.home')}</a></p></section>`;
  return layout(ctx, { title, section: null, body });
}

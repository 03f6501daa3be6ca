import { html } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

export function loginPage(ctx: PageContext, data: { next: string; failed: boolean }): string {
  const { t } = ctx;
  const body = html`<section class="login">
<h1>${t.t('login.title')}</h1>
<p>${t.t('login.explain')}</p>
${data.failed ? html`<p class="error" role="alert">${t.t('login.failed')}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="next" value="${data.next}">
<label for="token">${t.t('login.token')}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">${t.t('login.submit')}</button>
</form>
</section>`;
  return layout({ ...ctx, loginEnabled: false }, { title: t.t('login.title'), section: null, body });
}

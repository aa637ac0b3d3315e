import { CSRF_FIELD } from '../csrf.js';
import { html } from '../html.js';
import { layout } from './layout.js';

/** The login form: an API token, posted with the login form's CSRF token. */
export function loginPage(csrf: string, sessionHours: number, error?: string): string {
  return layout({
    title: 'Log in',
    session: null,
    body: html`<section class="card login">
<h1>Log in</h1>
<p class="muted">Use an API token (<code>pushgate token create --role triage</code>). The token is checked and then forgotten: the console keeps a session for ${sessionHours} hour${sessionHours === 1 ? '' : 's'}.</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/console/login" autocomplete="off">
<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
<label for="token">API token</label>
<input id="token" name="token" type="password" required maxlength="512" autocomplete="off" spellcheck="false">
<button type="submit">Log in</button>
</form>
</section>`,
  });
}

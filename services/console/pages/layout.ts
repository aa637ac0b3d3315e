import type { ConsoleSession } from '../session-store.js';
import { CSRF_FIELD } from '../csrf.js';
import { html, type SafeHtml } from '../html.js';

export const CONSOLE_CSS_PATH = '/console/assets/console.css';
export const CONSOLE_JS_PATH = '/console/assets/console.js';

export interface PageOptions {
  readonly title: string;
  readonly session: ConsoleSession | null;
  readonly active?: 'queue' | 'block-events';
  readonly body: SafeHtml;
}

/** The hidden field every state-changing form carries. */
export function csrfField(session: ConsoleSession): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${session.csrf}">`;
}

export function layout(options: PageOptions): string {
  const s = options.session;
  const nav = s
    ? html`<nav>
  <a href="/console"${options.active === 'queue' ? html` aria-current="page"` : ''}>Queue</a>
  <a href="/console/block-events"${options.active === 'block-events' ? html` aria-current="page"` : ''}>Block events</a>
</nav>
<span class="who" data-role="${s.role}">${s.label || s.tokenId} (${s.role})</span>
<form method="post" action="/console/logout">${csrfField(s)}<button type="submit">Log out</button></form>`
    : html`<nav></nav>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${s ? html`<meta name="csrf-token" content="${s.csrf}">` : ''}
<title>${options.title} · pushgate</title>
<link rel="icon" href="/console/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${CONSOLE_CSS_PATH}">
<script src="${CONSOLE_JS_PATH}" defer></script>
</head>
<body>
<header class="top"><a class="brand" href="/console">pushgate triage</a>${nav}</header>
<main>
${options.body}
</main>
</body>
</html>
`.value;
}

export function messagePage(session: ConsoleSession | null, title: string, message: string, back?: string): string {
  return layout({
    title,
    session,
    body: html`<h1>${title}</h1><p class="error">${message}</p>${back ? html`<p><a href="${back}">Back</a></p>` : ''}`,
  });
}

/**
 * The console's stylesheet and its one small script, as strings served from
 * routes: the compiled service needs no asset files copied beside it, and
 * the Content-Security-Policy can forbid inline styles and scripts.
 * The pages work without the script; it only saves clicks.
 */
export const CONSOLE_CSS = `
:root { --fg: #1d2330; --muted: #5b6474; --line: #d9dde5; --bg: #f6f7f9; --card: #fff; --accent: #2450b2;
  --live: #b3261e; --unknown: #a15c00; --open: #2450b2; --revoked: #4b5563; --closed: #2e7d32; --resolved: #6b7280; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header.top { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.2rem; background: #1d2330; color: #fff; }
header.top a { color: #fff; text-decoration: none; }
header.top .brand { font-weight: 700; letter-spacing: .02em; }
header.top nav { display: flex; gap: 1rem; flex: 1; }
header.top .who { color: #c9d1e0; }
header.top form { margin: 0; }
header.top button { background: transparent; color: #fff; border: 1px solid #5b6474; }
main { max-width: 1280px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
h1 { font-size: 1.4rem; margin: .4rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
a { color: var(--accent); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .9rem 1rem; margin-bottom: 1rem; }
.counts { display: flex; gap: .8rem; flex-wrap: wrap; margin-bottom: 1rem; }
.count { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 7.5rem; text-decoration: none; color: var(--fg); }
.count strong { display: block; font-size: 1.5rem; }
.count.live strong { color: var(--live); } .count.unknown strong { color: var(--unknown); } .count.open strong { color: var(--open); }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef0f4; font-weight: 600; white-space: nowrap; }
th a { color: var(--fg); text-decoration: none; }
tr.status-live td:first-child { box-shadow: inset 3px 0 0 var(--live); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; color: #fff; white-space: nowrap; }
.badge.live { background: var(--live); } .badge.unknown { background: var(--unknown); } .badge.open { background: var(--open); }
.badge.revoked { background: var(--revoked); } .badge.closed { background: var(--closed); } .badge.resolved { background: var(--resolved); }
.reach { font-size: .78rem; color: var(--muted, #555); } .reach[data-reach=admin] { color: var(--live); font-weight: 600; }
.badge.flag { background: #6b3fa0; }
pre.excerpt { background: var(--card); border: 1px solid var(--line); padding: .5rem .75rem; overflow-x: auto; white-space: pre; font-size: .85rem; }
pre.excerpt .ln { color: #6b7280; user-select: none; display: inline-block; min-width: 3ch; text-align: right; }
.sev-critical { color: var(--live); font-weight: 600; } .sev-high { color: var(--unknown); font-weight: 600; }
.muted { color: var(--muted); }
form.filters { display: flex; gap: .6rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
input, select, textarea, button { font: inherit; }
input, select, textarea { border: 1px solid var(--line); border-radius: 4px; padding: .3rem .45rem; background: #fff; }
textarea { width: 100%; min-height: 4rem; }
button { border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; padding: .3rem .8rem; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button.warn { background: #6b3fa0; border-color: #6b3fa0; }
.actions { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: .8rem; }
.actions form { display: flex; flex-direction: column; gap: .4rem; }
.grid2 { display: grid; grid-template-columns: 11rem 1fr; gap: .3rem 1rem; }
.grid2 dt { color: var(--muted); } .grid2 dd { margin: 0; }
ol.timeline { list-style: none; margin: 0; padding: 0; }
ol.timeline li { border-left: 3px solid var(--line); padding: .2rem 0 .6rem .8rem; margin-left: .4rem; }
ol.timeline li.live { border-color: var(--live); } ol.timeline li.revoked { border-color: var(--closed); } ol.timeline li.unknown { border-color: var(--unknown); }
.notice { background: #e8f0fe; border: 1px solid #b6c8f5; border-radius: 6px; padding: .5rem .8rem; margin-bottom: 1rem; }
.error { background: #fdecea; border: 1px solid #f5c2bd; border-radius: 6px; padding: .5rem .8rem; margin-bottom: 1rem; }
.chart { width: 100%; max-width: 960px; height: auto; display: block; }
.chart .axis { stroke: #8a93a3; stroke-width: 1; } .chart .grid { stroke: #e3e6ec; stroke-dasharray: 4 4; }
.chart .tick { fill: var(--muted); font-size: 11px; }
.chart .series { fill: none; stroke-width: 2; } .chart .series-open { stroke: var(--open); } .chart .series-live { stroke: var(--live); }
.legend { margin: .3rem 0 0; color: var(--muted); font-size: .85rem; }
.key { display: inline-block; width: .9rem; height: .25rem; vertical-align: middle; margin-left: .6rem; }
.key-open { background: var(--open); } .key-live { background: var(--live); }
.login { max-width: 26rem; margin: 4rem auto; }
.login form { display: flex; flex-direction: column; gap: .6rem; }
.pager { margin-top: .8rem; display: flex; gap: 1rem; }
.facets { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.table-wrap { overflow-x: auto; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
fieldset.bulk { display: flex; gap: .6rem; flex-wrap: wrap; align-items: end; border: 1px solid var(--line); background: var(--card); margin: 0 0 .6rem; padding: .5rem .75rem; }
fieldset.bulk label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.exports { margin: .2rem 0 .6rem; font-size: .9rem; }
/* Phones and narrow windows (420 px): the columns that matter most, the rest a tap away on the finding page. */
@media (max-width: 640px) {
  .narrow-hide { display: none; }
  .facets { grid-template-columns: 1fr; }
  form.filters label, fieldset.bulk label { flex: 1 1 9rem; }
  form.filters select, form.filters input, fieldset.bulk select, fieldset.bulk input { max-width: 100%; }
  table.queue td, table.queue th { padding: .3rem .35rem; }
}
`;

export const CONSOLE_JS = `'use strict';
// Filters apply as soon as a choice changes; buttons marked data-confirm ask first;
// a submitted form disables its buttons so a double click sends one request.
document.addEventListener('change', function (e) {
  var el = e.target;
  if (el && el.form && el.form.hasAttribute('data-autosubmit') && el.tagName === 'SELECT') el.form.requestSubmit();
});
document.addEventListener('submit', function (e) {
  var form = e.target;
  var ask = form.getAttribute('data-confirm');
  if (ask && !window.confirm(ask)) { e.preventDefault(); return; }
  if (form.method.toLowerCase() === 'post') {
    setTimeout(function () { form.querySelectorAll('button').forEach(function (b) { b.disabled = true; }); }, 0);
  }
});
`;

/** A small shield, so browsers do not ask for /favicon.ico outside the console. */
export const CONSOLE_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 2 4 6v9c0 7.5 5.1 13.2 12 15 6.9-1.8 12-7.5 12-15V6z" fill="#1d2330"/><path d="m10 16 4 4 8-8" stroke="#fff" stroke-width="3" fill="none"/></svg>`;

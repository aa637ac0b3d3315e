import type { StatusSample } from '../triage/status-samples.js';
import { html, type SafeHtml } from './html.js';

/**
 * The queue page's chart of open and live findings over time, as inline SVG
 * rendered on the server (no chart library, no script). Counts are steps:
 * a value holds until the next sample. Colours come from the stylesheet
 * (classes), since the Content-Security-Policy allows no inline styles.
 */
const WIDTH = 960;
const HEIGHT = 180;
const LEFT = 44;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 26;
const SERIES = ['open', 'live'] as const;

export interface ChartOptions {
  readonly now: number;
  readonly days: number;
}

/** Rounds up to 2, 4, 6, 8 or 10 times a power of ten (at least 2), so the axis and its midline read as whole numbers. */
export function niceCeiling(n: number): number {
  if (n <= 2) return 2;
  const p = 10 ** (Math.floor(Math.log10(n)) - 1);
  for (const m of [2, 4, 6, 8, 10, 20, 40, 60, 80, 100]) if (m * p >= n) return m * p;
  return 100 * p;
}

/** The samples inside the window, at most one per horizontal pixel (the last one wins). */
export function chartPoints(samples: readonly StatusSample[], options: ChartOptions): StatusSample[] {
  const start = options.now - options.days * 86_400_000;
  const byPixel = new Map<number, StatusSample>();
  for (const s of samples) {
    if (s.at < start || s.at > options.now) continue;
    byPixel.set(Math.round(xOf(s.at, start, options.now)), s);
  }
  return [...byPixel.values()].sort((a, b) => a.at - b.at);
}

function xOf(t: number, start: number, end: number): number {
  return LEFT + ((t - start) / Math.max(1, end - start)) * (WIDTH - LEFT - RIGHT);
}

export function statusChart(samples: readonly StatusSample[], options: ChartOptions): SafeHtml {
  const points = chartPoints(samples, options);
  const latest = points[points.length - 1];
  if (!latest) return html`<p class="muted">No history yet: the chart fills in as findings are recorded.</p>`;
  // A young install's chart starts at its first sample (today's counts), not with weeks of nothing; with
  // less than an hour of history, today's counts run across the whole width.
  const earliest = Math.max(options.now - options.days * 86_400_000, points[0]!.at);
  const start = options.now - earliest < 3_600_000 ? options.now - 3_600_000 : earliest;
  if (points[0]!.at > start) points[0] = { ...points[0]!, at: start };
  const max = niceCeiling(Math.max(...points.flatMap((p) => SERIES.map((s) => p.counts[s]))));
  const yOf = (v: number): number => TOP + (1 - v / max) * (HEIGHT - TOP - BOTTOM);
  const path = (series: (typeof SERIES)[number]): string => {
    let d = '';
    for (const [i, p] of points.entries()) {
      const x = xOf(p.at, start, options.now).toFixed(1);
      const y = yOf(p.counts[series]).toFixed(1);
      d += i === 0 ? `M${x} ${y}` : `H${x}V${y}`;
    }
    return `${d}H${(WIDTH - RIGHT).toFixed(1)}`;
  };
  const span = Math.round((options.now - start) / 86_400_000);
  const label = `Open and live findings ${span >= 1 ? `over the last ${span} day${span === 1 ? '' : 's'}` : 'today'}; now ${latest.counts.open} open and ${latest.counts.live} live.`;
  const axisY = HEIGHT - BOTTOM;
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">
<title>${label}</title>
<line class="axis" x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${axisY}"></line>
<line class="axis" x1="${LEFT}" y1="${axisY}" x2="${WIDTH - RIGHT}" y2="${axisY}"></line>
<line class="grid" x1="${LEFT}" y1="${yOf(max / 2).toFixed(1)}" x2="${WIDTH - RIGHT}" y2="${yOf(max / 2).toFixed(1)}"></line>
<text class="tick" x="${LEFT - 6}" y="${TOP + 4}" text-anchor="end">${max}</text>
<text class="tick" x="${LEFT - 6}" y="${(yOf(max / 2) + 4).toFixed(1)}" text-anchor="end">${max / 2}</text>
<text class="tick" x="${LEFT - 6}" y="${axisY + 4}" text-anchor="end">0</text>
<text class="tick" x="${LEFT}" y="${HEIGHT - 8}">${day(start)}</text>
<text class="tick" x="${WIDTH - RIGHT}" y="${HEIGHT - 8}" text-anchor="end">${day(options.now)}</text>
${SERIES.map((s) => html`<path class="series series-${s}" d="${path(s)}"></path>`)}
</svg>
<p class="legend"><span class="key key-open"></span> open <span class="key key-live"></span> live</p>`;
}

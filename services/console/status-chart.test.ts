import { describe, expect, it } from 'vitest';
import type { StatusSample } from '../triage/status-samples.js';
import { chartPoints, niceCeiling, statusChart } from './status-chart.js';

const day = 86_400_000;
const now = Date.parse('2025-02-01T00:00:00Z');
const sample = (daysAgo: number, open: number, live: number): StatusSample => ({ at: now - daysAgo * day, counts: { open, live, unknown: 0, revoked: 0, closed: 0, resolved: 0 } });

describe('status chart', () => {
  it('rounds the axis up to an even number of 2, 4, 6, 8 or 10 times a power of ten', () => {
    expect([0, 1, 3, 5, 7, 10, 11, 49, 51, 999].map(niceCeiling)).toEqual([2, 2, 4, 6, 8, 10, 20, 60, 60, 1000]);
  });

  it('keeps samples inside the window, one per pixel, the latest winning', () => {
    const points = chartPoints([sample(40, 9, 9), sample(10, 1, 1), sample(10 - 1e-6, 2, 2), sample(0, 3, 0)], { now, days: 30 });
    expect(points.map((p) => p.counts.open)).toEqual([2, 3]);
  });

  it('draws open and live as steps and says the latest counts in words', () => {
    const svg = statusChart([sample(20, 4, 1), sample(5, 6, 3), sample(0, 5, 2)], { now, days: 30 }).value;
    expect(svg).toContain('now 5 open and 2 live');
    expect(svg).toMatch(/<path class="series series-open" d="M[\d.]+ [\d.]+H[\d.]+V[\d.]+H[\d.]+V[\d.]+H948\.0"><\/path>/);
    expect(svg).toContain('class="series series-live"');
    expect(svg).toContain('>6</text>');
    expect(svg).toContain('>3</text>');
    expect(statusChart([], { now, days: 30 }).value).toContain('No history yet');
  });

  it('starts a fresh install at today\'s counts: one sample is a line across the chart, a few days of history fill the width', () => {
    const fresh = statusChart([sample(0, 7, 1)], { now, days: 30 }).value;
    expect(fresh).toContain('Open and live findings today; now 7 open and 1 live.');
    expect(fresh).toMatch(/<path class="series series-open" d="M44\.0 [\d.]+H948\.0"><\/path>/);
    const young = statusChart([sample(3, 2, 0), sample(0, 4, 1)], { now, days: 30 }).value;
    expect(young).toContain('over the last 3 days');
    expect(young).toMatch(/d="M44\.0 [\d.]+H948\.0V[\d.]+H948\.0"/);
    expect(young).toContain(`>${new Date(now - 3 * day).toISOString().slice(0, 10)}</text>`);
  });
});

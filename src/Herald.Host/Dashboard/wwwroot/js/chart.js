import { s } from './dom.js';

// Actions per minute as an SVG line: from the samples of processed recipients the page took while it polled
// (time, processed). The engine acts in batches per tick, so each point is the rate over the last WINDOW ms.

const WIDTH = 600;
const HEIGHT = 160;
const PAD = 28;
const WINDOW = 30_000;

/** Rates per minute at each sample ({ t: ms, processed }), over the window before it. */
export function ratesOf(samples) {
  const rates = [];
  let from = 0;
  for (let i = 1; i < samples.length; i++) {
    while (from < i - 1 && samples[i].t - samples[from + 1].t >= WINDOW) from++;
    const dt = samples[i].t - samples[from].t;
    if (dt > 0) rates.push({ t: samples[i].t, perMinute: Math.max(0, ((samples[i].processed - samples[from].processed) * 60_000) / dt) });
  }
  return rates;
}

/** The chart as an SVG element (scales with its container). */
export function chart(samples) {
  const rates = ratesOf(samples);
  const max = Math.max(1, ...rates.map(r => r.perMinute));
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': 'Actions per minute' },
    s('line', { x1: PAD, y1: HEIGHT - PAD, x2: WIDTH - 4, y2: HEIGHT - PAD, class: 'axis' }),
    s('line', { x1: PAD, y1: 4, x2: PAD, y2: HEIGHT - PAD, class: 'axis' }),
    s('text', { x: 2, y: 14, class: 'label' }, String(Math.round(max))),
    s('text', { x: 2, y: HEIGHT - PAD, class: 'label' }, '0'),
    s('text', { x: WIDTH / 2, y: HEIGHT - 6, class: 'label', 'text-anchor': 'middle' }, 'actions per minute'));
  if (rates.length < 1) return svg;

  const first = samples[0].t;
  const span = Math.max(1, rates[rates.length - 1].t - first);
  const x = t => PAD + ((t - first) / span) * (WIDTH - PAD - 8);
  const y = v => HEIGHT - PAD - (v / max) * (HEIGHT - PAD - 8);
  const points = [`${x(first)},${y(rates[0].perMinute)}`, ...rates.map(r => `${x(r.t).toFixed(1)},${y(r.perMinute).toFixed(1)}`)];
  svg.append(s('polyline', { points: points.join(' '), class: 'series' }));
  return svg;
}

import { api, download } from '../api.js';
import { chart } from '../chart.js';
import { confirmAction } from '../confirm.js';
import { h, show, table } from '../dom.js';
import { showError } from '../errors.js';
import { isEnded, number, rate, statusClass, time, until } from '../format.js';
import { poll } from '../poll.js';
import { progress } from './campaigns.js';

const INTERVAL = 1500;
const MAX_SAMPLES = 240;
const REPORT_PREVIEW = 50;

const CONTROLS = [
  { action: 'pause', label: 'Pause', when: s => ['running', 'waiting', 'scheduled', 'preparing'].includes(s), ask: 'Pause this campaign? Accounts stop after the action in flight.' },
  { action: 'resume', label: 'Resume', when: s => s === 'paused', ask: 'Resume this campaign where it stopped?' },
  { action: 'cancel', label: 'Cancel campaign', when: s => !isEnded(s), ask: 'Cancel this campaign? What is left is reported as cancelled. This cannot be undone.' },
];

function facts(view) {
  const rows = [
    ['Status', h('span', { class: statusClass(view.status), 'data-testid': 'status' }, view.status)],
    ['Processed', h('span', { 'data-testid': 'processed' }, String(view.processed))],
    ['Remaining', h('span', { 'data-testid': 'remaining' }, String(view.remaining))],
    ['Speed', rate(view.speedPerMinute)],
    ['ETA', time(view.eta)],
    ['Priority', String(view.priority)],
    ['Created', time(view.createdAt)],
  ];
  if (view.waitingReason) rows.push(['Waiting', `${view.waitingReason} (resumes ${until(view.resumeAt)})`]);
  if (view.endedAt) rows.push(['Ended', time(view.endedAt)]);
  if (view.source) rows.push(['List', view.source]);
  if (view.error) rows.push(['Error', h('span', { class: 'error', role: 'alert', 'data-testid': 'error' }, view.error)]);
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

function counts(view) {
  const outcome = Object.entries(view.counts).filter(([, v]) => v > 0).map(([k, v]) => [k, number(v)]);
  const reasons = Object.entries(view.reasons).map(([k, v]) => [k, number(v)]);
  return h('div', { class: 'two' },
    h('section', null, h('h2', null, 'By outcome'), outcome.length ? table(['Outcome', 'Count'], outcome, { 'data-testid': 'outcomes' }) : h('p', null, 'Nothing yet.')),
    h('section', null, h('h2', null, 'By reason'), reasons.length ? table(['Reason', 'Count'], reasons, { 'data-testid': 'reasons' }) : h('p', null, 'No failures.')));
}

function accounts(view) {
  const rows = view.accounts.map(a => [a.accountId, a.name ?? '', h('span', { class: statusClass(a.status) }, a.status), a.until ? `${time(a.until)} (${until(a.until)})` : '–', number(a.done), number(a.failed), number(a.floodWaits)]);
  return h('section', null, h('h2', null, 'Accounts'),
    rows.length ? table(['Account', 'Name', 'Status', 'Cooldown until', 'Done', 'Failed', 'FloodWaits'], rows, { 'data-testid': 'accounts' }) : h('p', null, 'No accounts.'));
}

function recipient(row) {
  return row.name ?? row.username ?? (row.userId !== null && row.userId !== undefined ? String(row.userId) : row.phone ?? '');
}

/** The campaign page: live progress and chart, counts, accounts, controls with confirmation, report downloads. */
export function renderCampaign(main, id) {
  const path = `/api/campaigns/${encodeURIComponent(id)}`;
  const heading = h('h1', null, 'Campaign');
  const message = h('div');
  const live = h('div', null, h('p', null, 'Loading…'));
  const graph = h('section', { class: 'chart-box' });
  const details = h('div');
  const controls = h('div', { class: 'buttons' });
  const updated = h('p', { class: 'hint', 'data-testid': 'updated', 'data-refreshes': '0' });
  const report = h('section', null, h('h2', null, 'Report'),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: () => save('report.csv', 'text/csv', 'csv') }, 'Download CSV'),
      h('button', { type: 'button', onclick: () => save('report', 'application/json', 'json') }, 'Download JSON')));
  const attention = h('div');
  const samples = [];
  let refreshes = 0;
  let reportShownFor = '';
  show(main, heading, message, controls, live, graph, details, report, attention, updated);

  async function save(suffix, accept, extension) {
    try {
      download(await api(`${path}/${suffix}`, { accept, raw: true }), `campaign-${id}-report.${extension}`);
    } catch (error) {
      showError(message, error);
    }
  }

  async function control(step) {
    if (!(await confirmAction(step.ask, step.label))) return;
    try {
      await api(`${path}/${step.action}`, { method: 'POST' });
      await refresh();
    } catch (error) {
      showError(message, error);
    }
  }

  async function showAttention(view) {
    const failures = view.counts.failed + view.counts.unknown + view.counts.skipped + view.counts.cancelled;
    const key = `${view.status}:${failures}`;
    if (failures === 0 || key === reportShownFor) return;
    reportShownFor = key;
    const data = await api(`${path}/report`);
    const rows = data.rows.slice(0, REPORT_PREVIEW).map(r => [String(r.sequence), recipient(r), r.status, r.reason ?? '', r.accountId ?? '']);
    show(attention, h('section', null, h('h2', null, 'Recipients not reached'),
      table(['#', 'Recipient', 'Status', 'Reason', 'Account'], rows, { 'data-testid': 'report-rows' }),
      data.rows.length > REPORT_PREVIEW ? h('p', { class: 'hint' }, `First ${REPORT_PREVIEW} of ${data.rows.length}; download the report for all.`) : null));
  }

  async function refresh() {
    try {
      const view = await api(path);
      heading.textContent = view.name || view.id;
      samples.push({ t: Date.now(), processed: view.processed });
      if (samples.length > MAX_SAMPLES) samples.shift();
      show(live, progress(view), facts(view));
      show(graph, h('h2', null, 'Actions per minute'), chart(samples));
      show(details, counts(view), accounts(view));
      show(controls, CONTROLS.filter(c => c.when(view.status)).map(c =>
        h('button', { type: 'button', class: c.action === 'cancel' ? 'danger' : null, onclick: () => control(c) }, c.label)));
      await showAttention(view);
      refreshes += 1;
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}`;
      updated.setAttribute('data-refreshes', String(refreshes));
    } catch (error) {
      showError(message, error);
    }
  }

  return poll(refresh, INTERVAL);
}

import { api } from '../api.js';
import { h, show, table } from '../dom.js';
import { showError } from '../errors.js';
import { isEnded, number, percent, rate, statusClass, time } from '../format.js';
import { poll } from '../poll.js';

const SHOWN = 30;

/** The newest SHOWN campaigns: pages are followed (by their continuation) until SHOWN or the last one. */
async function firstCampaigns() {
  const items = [];
  let continuation = null;
  do {
    const after = continuation ? `&continuation=${encodeURIComponent(continuation)}` : '';
    const page = await api(`/api/campaigns?pageSize=${SHOWN - items.length}${after}`);
    items.push(...page.items);
    continuation = page.continuation;
  } while (continuation && items.length < SHOWN);
  return { items };
}

function progress(view) {
  const pct = percent(view.processed, view.total);
  return h('div', { class: 'progress' },
    h('progress', { max: Math.max(1, view.total), value: view.processed, 'aria-label': 'progress' }),
    h('span', null, `${number(view.processed)} / ${number(view.total)} (${pct}%)`));
}

/** The campaign list: status, progress, speed, ETA, priority, created; refreshed by short polling. */
export function renderCampaigns(main) {
  const body = h('div', null, h('p', null, 'Loading…'));
  const views = new Map();
  show(main, h('div', { class: 'title' }, h('h1', null, 'Campaigns'), h('a', { href: '#/new', class: 'button' }, 'New campaign')), body);

  return poll(async () => {
    try {
      const page = await firstCampaigns();
      // Ended campaigns are read once; the others each refresh.
      await Promise.all(page.items.filter(c => !(views.has(c.id) && isEnded(views.get(c.id).status)))
        .map(async c => views.set(c.id, await api(`/api/campaigns/${encodeURIComponent(c.id)}`))));
      if (page.items.length === 0) {
        show(body, h('p', null, 'No campaigns yet.'));
        return;
      }

      const rows = page.items.map(c => {
        const view = views.get(c.id) ?? { ...c, processed: 0 };
        return [
          h('a', { href: `#/campaigns/${encodeURIComponent(c.id)}` }, c.name || c.id),
          h('span', { class: statusClass(view.status) }, view.status),
          progress(view),
          rate(view.speedPerMinute),
          time(view.eta),
          String(c.priority),
          time(c.createdAt),
        ];
      });
      show(body, table(['Name', 'Status', 'Progress', 'Speed', 'ETA', 'Priority', 'Created'], rows, { class: 'campaigns' }));
    } catch (error) {
      showError(body, error);
    }
  }, 3000);
}

export { progress };

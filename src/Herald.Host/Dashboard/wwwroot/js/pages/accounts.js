import { api } from '../api.js';
import { h, show, table } from '../dom.js';
import { showError } from '../errors.js';
import { number, statusClass, time, until } from '../format.js';
import { poll } from '../poll.js';

function limits(account) {
  const l = account.limits ?? {};
  const parts = [];
  if (l.messagesPerDay) parts.push(`${number(l.messagesPerDay)} messages/day`);
  if (l.invitesPerDay) parts.push(`${number(l.invitesPerDay)} invites/day`);
  if (l.minPauseSeconds) parts.push(`pause ≥ ${l.minPauseSeconds} s`);
  return parts.join(', ') || '–';
}

/** Today's usage (rolling 24 h, as the daily caps count it) against the daily caps in force. */
function usage(account) {
  const u = account.usageLast24Hours ?? {};
  const l = account.limits ?? {};
  const against = (used, cap, what) => (cap ? `${number(used ?? 0)} / ${number(cap)} ${what}` : `${number(used ?? 0)} ${what}`);
  const parts = [against(u.messages, l.messagesPerDay, 'messages')];
  if (u.invites || l.invitesPerDay) parts.push(against(u.invites, l.invitesPerDay, 'invites'));
  if (u.addContacts || l.addContactsPerDay) parts.push(against(u.addContacts, l.addContactsPerDay, 'contacts'));
  return parts.join(', ');
}

/** The accounts: status, recent usage against limits, cooldowns; and registering a bot by its token. */
export function renderAccounts(main) {
  const body = h('div', null, h('p', null, 'Loading…'));
  const token = h('input', { id: 'bot-token', type: 'password', autocomplete: 'off', required: true });
  const message = h('div');
  const form = h('form', {
    class: 'card',
    onsubmit: async event => {
      event.preventDefault();
      try {
        await api('/api/accounts/telegram-bots', { method: 'POST', json: { token: token.value.trim() } });
        token.value = '';
        show(message);
        await refresh();
      } catch (error) {
        showError(message, error);
      }
    },
  }, h('h2', null, 'Add a Telegram bot'), h('label', { for: 'bot-token' }, 'Bot token'), token, h('button', { type: 'submit' }, 'Add bot'));
  show(main, h('h1', null, 'Accounts'), body, form, message);

  async function refresh() {
    try {
      const list = await api('/api/accounts');
      const rows = list.items.map(a => [
        a.accountId,
        a.name ?? '',
        h('span', { class: statusClass(a.disabled ? 'disabled' : a.status) }, a.disabled ? 'disabled' : a.status),
        a.until ? `${time(a.until)} (${until(a.until)})` : '–',
        a.reason ?? '',
        number(a.actionsLast15Minutes),
        usage(a),
        limits(a),
      ]);
      show(body, rows.length
        ? table(['Account', 'Name', 'Status', 'Cooldown until', 'Reason', 'Actions (15 min)', 'Last 24 h', 'Limits'], rows, { 'data-testid': 'account-list' })
        : h('p', null, 'No accounts yet.'));
    } catch (error) {
      showError(body, error);
    }
  }

  return poll(refresh, 5000);
}

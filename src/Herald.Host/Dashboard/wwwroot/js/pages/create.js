import { api } from '../api.js';
import { h, show } from '../dom.js';
import { showError } from '../errors.js';
import { number } from '../format.js';

const ACTIONS = [
  ['botMessage', 'Bot message'],
  ['invite', 'Invite into a group or channel'],
  ['personalMessage', 'Personal message (user account)'],
  ['addContact', 'Add to contacts (user account)'],
];

function field(label, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('p', { class: 'hint' }, hint) : null);
}

/** Creating a campaign from an uploaded list: the file goes to /api/imports, then /api/campaigns uses it. */
export function renderCreate(main, { navigate }) {
  const name = h('input', { id: 'name', name: 'name', maxlength: 200, autocomplete: 'off' });
  const file = h('input', { id: 'file', name: 'file', type: 'file', accept: '.csv,.xlsx,.json,text/csv,application/json', required: true });
  const action = h('select', { id: 'action', name: 'action' }, ACTIONS.map(([value, label]) => h('option', { value }, label)));
  const message = h('textarea', { id: 'message', name: 'message', rows: 4 });
  const chat = h('input', { id: 'chat', name: 'chat', autocomplete: 'off' });
  const priority = h('input', { id: 'priority', name: 'priority', type: 'number', min: -100, max: 100, value: 0 });
  const dryRun = h('input', { id: 'dry-run', name: 'dryRun', type: 'checkbox' });
  const result = h('div');
  const submit = h('button', { type: 'submit' }, 'Create campaign');

  const form = h('form', {
    class: 'card',
    onsubmit: async event => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const upload = new FormData();
        upload.append('file', file.files[0]);
        const list = await api('/api/imports', { method: 'POST', body: upload });
        show(result, h('p', { class: 'hint' }, `List read: ${number(list.recipients)} recipients.`));
        const created = await api('/api/campaigns', {
          method: 'POST',
          json: {
            name: name.value || undefined,
            actions: [action.value],
            message: message.value || undefined,
            targetChat: chat.value || undefined,
            priority: Number(priority.value || 0),
            dryRun: dryRun.checked,
            importId: list.id,
          },
        });
        navigate(`#/campaigns/${encodeURIComponent(created.id)}`);
      } catch (error) {
        showError(result, error);
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h1', null, 'New campaign'),
  field('Name', name),
  field('Recipient list', file, 'CSV, XLSX or JSON with columns such as user_id, username, phone, name.'),
  field('Action', action),
  field('Message', message, 'Use {{name}} for the recipient\u2019s name.'),
  field('Group or channel (for invites)', chat),
  field('Priority (−100 to 100)', priority),
  h('div', { class: 'field check' }, dryRun, h('label', { for: 'dry-run' }, 'Dry run (no platform calls)')),
  submit);
  show(main, form, result);
}

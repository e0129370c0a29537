import { api, credential } from '../api.js';
import { h, show } from '../dom.js';
import { showError } from '../errors.js';

/** The sign-in page: paste a token or an API key; in Development, one click for a development token. */
export function renderSignIn(main, { signedIn }) {
  const input = h('input', { id: 'credential', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const message = h('div');
  const check = async value => {
    credential.set(value);
    try {
      await api('/api/whoami');
      signedIn();
    } catch (error) {
      credential.clear();
      showError(message, error);
    }
  };
  const form = h('form', {
    class: 'card',
    onsubmit: event => {
      event.preventDefault();
      check(input.value.trim());
    },
  },
  h('h1', null, 'Sign in'),
  h('label', { for: 'credential' }, 'Token or API key'),
  input,
  h('p', { class: 'hint' }, 'Kept in this tab only (sessionStorage).'),
  h('button', { type: 'submit' }, 'Sign in'));
  const dev = h('div');
  show(main, form, dev, message);

  fetch('/dashboard/config').then(r => (r.ok ? r.json() : null)).then(config => {
    if (!config?.developmentSignIn) return;
    show(dev, h('div', { class: 'card' },
      h('p', null, 'Development host: sign in as tenant "demo" with a development token.'),
      h('button', {
        type: 'button',
        onclick: async () => {
          const response = await fetch('/dashboard/dev-sign-in', { method: 'POST' });
          if (response.ok) check((await response.json()).token);
        },
      }, 'Development sign-in')));
  }, () => {});
}

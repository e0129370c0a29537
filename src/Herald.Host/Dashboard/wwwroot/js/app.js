import { credential, whenUnauthorized } from './api.js';
import { renderAccounts } from './pages/accounts.js';
import { renderCampaign } from './pages/campaign.js';
import { renderCampaigns } from './pages/campaigns.js';
import { renderCreate } from './pages/create.js';
import { renderSignIn } from './pages/sign-in.js';

// Hash routes (#/, #/new, #/accounts, #/campaigns/<id>): the page never reloads and nothing secret is in a URL.
const main = document.getElementById('main');
const nav = document.getElementById('nav');
let stop = () => {};

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function route() {
  stop();
  stop = () => {};
  const signedIn = Boolean(credential.get());
  nav.hidden = !signedIn;
  if (!signedIn) {
    renderSignIn(main, { signedIn: () => navigate('#/') });
    return;
  }

  const hash = location.hash || '#/';
  const campaign = /^#\/campaigns\/([^/]+)$/.exec(hash);
  if (campaign) stop = renderCampaign(main, decodeURIComponent(campaign[1]));
  else if (hash === '#/new') renderCreate(main, { navigate });
  else if (hash === '#/accounts') stop = renderAccounts(main);
  else stop = renderCampaigns(main);
}

whenUnauthorized(() => {
  credential.clear();
  route();
});
document.getElementById('sign-out').addEventListener('click', () => {
  credential.clear();
  navigate('#/');
});
window.addEventListener('hashchange', route);
route();

// The portal: hash routes (#/plan/<id>?period=...) rendered into <main> from the gateway's GraphQL API.
import * as session from './session.js';
import { html, href } from './html.js';
import { signIn, finishProviderSignIn } from './pages/signin.js';
import { home } from './pages/home.js';
import { attention } from './pages/attention.js';
import { areaProfile } from './pages/area.js';
import { plans, plan } from './pages/plan.js';
import { activity } from './pages/activity.js';
import { activities } from './pages/activities.js';
import { decisions, contract } from './pages/contracts.js';
import { organisation360, partners } from './pages/organisation.js';

const ROUTES = {
  '': home,
  'sign-in': signIn,
  attention,
  area: areaProfile,
  plans,
  plan,
  activity,
  activities,
  contracts: decisions,
  contract,
  organisation: organisation360,
  partners,
};

const NAVIGATION = [
  ['attention', 'Needs attention', true],
  ['plans', 'Plans'],
  ['activities', 'Activities'],
  ['area', 'Areas'],
  ['contracts', 'Contracts'],
  ['partners', 'Partner directory'],
];

let stopLive = [];

/** Pages call this to follow changes while they are shown; navigating away stops it. */
export function whileShown(stop) {
  stopLive.push(stop);
}

export function navigate(to) {
  if (location.hash === to) route(); else location.hash = to;
}

async function route() {
  stopLive.forEach((stop) => stop());
  stopLive = [];
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = path.split('/').map(decodeURIComponent);
  const page = ROUTES[name] ?? notFound;
  const query = Object.fromEntries(new URLSearchParams(search ?? ''));
  renderChrome(name);
  const main = document.getElementById('main-content');
  main.setAttribute('aria-busy', 'true');
  try {
    await page(main, rest, query);
  } catch (e) {
    main.innerHTML = html`<h1 class="govuk-heading-l">Sorry, there is a problem</h1><p class="govuk-body">${e.message}</p>`.toString();
    console.error(e);
  }
  main.removeAttribute('aria-busy');
  if (route.moved) main.focus({ preventScroll: false });
  route.moved = true;
}

function renderChrome(active) {
  const who = session.current();
  document.getElementById('account').innerHTML = (who
    ? html`<span data-testid="signed-in-as">${who.organisation} (${who.roles.join(', ')})</span> · <a href="${href('sign-in', { out: 1 })}">Sign out</a>`
    : html`<a href="${href('sign-in')}">Sign in</a>`).toString();
  document.getElementById('navigation').innerHTML = NAVIGATION
    .filter(([, , signedIn]) => !signedIn || who)
    .map(([name, label]) => html`<li class="govuk-service-navigation__item${name === active ? ' govuk-service-navigation__item--active' : ''}">
      <a class="govuk-service-navigation__link" href="${href(name)}"${name === active ? html` aria-current="page"` : ''}>${label}</a></li>`)
    .join('');
}

function notFound(main) {
  document.title = 'Page not found - CivicGraph';
  main.innerHTML = html`<h1 class="govuk-heading-l">Page not found</h1><p class="govuk-body"><a class="govuk-link" href="#/">Go to the start</a></p>`.toString();
}

window.addEventListener('hashchange', route);
finishProviderSignIn().finally(route);

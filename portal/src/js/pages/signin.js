// Sign-in. In the local stack the development issuer mints a token for any demo organisation and role; elsewhere
// the portal sends users to the OpenID Connect provider the gateway names (authorization code with PKCE, oidc.js)
// and finishes the sign-in when the provider sends them back to / with ?code=&state=.
import * as session from '../session.js';
import { graphql } from '../api.js';
import { html, href } from '../html.js';
import { show, nodes } from '../page.js';
import { navigate } from '../app.js';
import * as oidc from '../oidc.js';

let config;
let failure = null; // why the last sign-in through the provider failed, shown on the sign-in page

async function portalConfig() {
  config ??= await fetch('/portal-config.json').then((r) => r.json()).catch(() => ({}));
  return config;
}

export async function signIn(main, _, query) {
  if (query.out) {
    session.clear();
    navigate('#/');
    return;
  }
  const { issuer, developmentSignIn, oidc: provider } = await portalConfig();
  if (!developmentSignIn && provider) {
    providerSignIn(main, provider);
    return;
  }
  if (!developmentSignIn) {
    show(main, 'Sign in', html`<h1 class="govuk-heading-l">Sign in</h1>
      <p class="govuk-body">Sign-in through your organisation's identity provider is not set up on this server.
      Public information is open to everyone: <a class="govuk-link" href="${href('plans')}">plans</a>,
      <a class="govuk-link" href="${href('contracts')}">contracts</a> and the <a class="govuk-link" href="${href('partners')}">partner directory</a>.</p>`);
    return;
  }
  const { data } = await graphql('{ organisations(first: 100) { edges { node { id name type } } } }');
  const organisations = nodes(data?.organisations).sort((a, b) => a.name.localeCompare(b.name));
  const organisationField = organisations.length
    ? html`<select class="govuk-select" id="organisation" name="organisation">
        ${organisations.map((o) => html`<option value="${o.id}"${o.id === 'boston-bc' ? html` selected` : ''}>${o.name}</option>`)}</select>`
    : html`<input class="govuk-input govuk-input--width-20" id="organisation" name="organisation" value="boston-bc" spellcheck="false">`;
  show(main, 'Sign in', html`
    <h1 class="govuk-heading-l">Sign in</h1>
    <div class="govuk-inset-text">This is the local stack's development sign-in: choose a demo organisation and a role,
      and the development token issuer gives you a token for them. A real deployment signs you in through your
      organisation's identity provider instead.</div>
    <form id="sign-in" novalidate>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="organisation">Organisation</label>
        ${organisationField}
      </div>
      <div class="govuk-form-group"><fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Role</legend>
        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
        ${[['viewer', 'Viewer: reads internal records'], ['editor', "Editor: also reports progress and changes the organisation's records"], ['admin', 'Admin: also publishes drafts and edits the directory entry']]
          .map(([role, hint], i) => html`<div class="govuk-radios__item">
            <input class="govuk-radios__input" id="role-${role}" name="role" type="radio" value="${role}"${i === 1 ? html` checked` : ''}>
            <label class="govuk-label govuk-radios__label" for="role-${role}">${hint}</label></div>`)}
        </div></fieldset></div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
    </form>`);
  main.querySelector('#sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const organisation = form.get('organisation');
    const role = form.get('role');
    const roles = role === 'admin' ? ['editor', 'admin'] : [role];
    const params = new URLSearchParams({ organisation, roles: roles.join(','), subject: `portal-user@${organisation}` });
    const answer = await fetch(`${issuer}/token?${params}`).then((r) => r.json()).catch(() => null);
    if (!answer?.access_token) {
      main.querySelector('#sign-in').insertAdjacentHTML('beforebegin', html`<div class="govuk-error-summary" role="alert" tabindex="-1">
        <h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body">
        <p class="govuk-body">The token issuer at ${issuer} did not answer. Try again in a moment.</p></div></div>`.toString());
      return;
    }
    session.save({ token: answer.access_token, organisation, roles, subject: `portal-user@${organisation}` });
    navigate('#/attention');
  });
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

function problem(message) {
  return html`<div class="govuk-error-summary" role="alert" tabindex="-1" data-testid="sign-in-problem">
    <h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body">
    <p class="govuk-body">${message}</p></div></div>`;
}

function providerSignIn(main, provider) {
  show(main, 'Sign in', html`
    <h1 class="govuk-heading-l">Sign in</h1>
    ${failure ? problem(failure) : ''}
    <p class="govuk-body">Sign in with your organisation's account. You will go to your identity provider
      (${new URL(provider.issuer).host}) and come back here.</p>
    <button type="button" class="govuk-button govuk-button--start" id="provider-sign-in">Sign in with your organisation's account</button>`);
  failure = null;
  main.querySelector('#provider-sign-in').addEventListener('click', async (event) => {
    event.target.disabled = true;
    try {
      location.assign(await oidc.start(provider, redirectUri(), { storage: sessionStorage }));
    } catch (e) {
      event.target.disabled = false;
      event.target.insertAdjacentHTML('beforebegin', problem(e.message).toString());
    }
  });
}

/**
 * When the identity provider has sent the user back (?code=&state= or ?error=&state=), finishes the sign-in before
 * the first page is shown, then takes the code out of the address. Does nothing on any other load.
 */
export async function finishProviderSignIn() {
  const search = new URLSearchParams(location.search);
  if (!search.has('state') || !(search.has('code') || search.has('error'))) return;
  try {
    const tokens = await oidc.finish(location.search, { storage: sessionStorage });
    if (tokens.access_token.split('.').length !== 3) throw new Error('The identity provider gave an access token CivicGraph cannot read (not a JWT). Ask your administrator.');
    const claims = session.claims(tokens.access_token);
    const roles = Array.isArray(claims.roles) ? claims.roles : String(claims.roles ?? '').split(/[ ,]+/).filter(Boolean);
    if (!claims.org) throw new Error('Your account has no organisation (the org claim), so CivicGraph cannot tell what you may change. Ask your administrator.');
    session.save({ token: tokens.access_token, organisation: claims.org, roles, subject: claims.sub });
    history.replaceState(null, '', `${location.pathname}#/attention`);
  } catch (e) {
    failure = e.message;
    history.replaceState(null, '', `${location.pathname}#/sign-in`);
  }
}

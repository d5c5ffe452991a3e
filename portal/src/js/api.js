// The gateway's one GraphQL endpoint. Every answer is { data, errors }; a failure to reach the gateway is
// reported the same way, so pages have one way to show what is missing.
import * as session from './session.js';
import { html } from './html.js';

export async function graphql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    return { data: null, errors: [{ message: 'The gateway cannot be reached.', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'gateway' } }] };
  }
  if (response.status === 401) {
    session.clear();
    return { data: null, errors: [{ message: 'Your sign-in has expired. Sign in again.', extensions: { code: 'UNAUTHENTICATED' } }] };
  }
  const body = await response.json().catch(() => ({ errors: [{ message: `The gateway answered HTTP ${response.status}.` }] }));
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

const SERVICE_NAMES = {
  plans: 'Plans', contracts: 'Contracts', indicators: 'Indicators', partners: 'Partner directory', gateway: 'CivicGraph',
};

/** The services named by SERVICE_UNAVAILABLE errors, optionally only those at or under a path. */
export function unavailable(errors, path) {
  return [...new Set(errors
    .filter((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')
    .filter((e) => !path || !e.path || e.path.join('.').startsWith(path))
    .map((e) => e.extensions.service ?? 'gateway'))];
}

/** A note saying which part of the page is missing and why; empty when nothing is. */
export function missingNote(errors, what, path) {
  const services = unavailable(errors, path);
  if (services.length === 0) return '';
  return html`<div class="cg-missing" role="status" data-missing="${services.join(' ')}">
    <p class="govuk-body govuk-!-margin-bottom-0"><strong>${what} cannot be shown right now:</strong>
    ${services.map((s) => SERVICE_NAMES[s] ?? s).join(', ')} ${services.length > 1 ? 'are' : 'is'} unavailable.
    The rest of the page is up to date.</p></div>`;
}

/** Errors that are not about a missing service, such as NOT_FOUND or FORBIDDEN, as a message. */
export function otherErrors(errors) {
  const others = errors.filter((e) => e.extensions?.code !== 'SERVICE_UNAVAILABLE');
  if (others.length === 0) return '';
  return html`<div class="govuk-error-summary" role="alert"><div role="alert">
    <h2 class="govuk-error-summary__title">There is a problem</h2>
    <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
    ${others.map((e) => html`<li>${e.message}</li>`)}</ul></div></div></div>`;
}

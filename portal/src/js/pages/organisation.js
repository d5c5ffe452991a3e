// Organisation 360 (the gateway's view over partners, contracts and plans) and the partner directory search.
import { graphql, missingNote, otherErrors } from '../api.js';
import { html, href } from '../html.js';
import { show, nodes, summaryList, words, pager, pagePosition, PAGE_SIZE } from '../page.js';
import { navigate } from '../app.js';
import { followRecord, liveRegion } from '../live.js';

const VIEW = `query($id: ID!) { organisation360(id: $id) { id organisation { id name type website }
  contractsAsProvider { id service ownerOrganisation term performance }
  strategiesCommissioned { id title stage commissionerStatus }
  activities { id planId reference description leadOrganisation } } }`;
const SEARCH = `query($name: String, $first: Int!, $after: String) { organisations(filter: {nameContains: $name}, first: $first, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id name type areasServed } } } }`;

export async function organisation360(main, [id], query, liveNote) {
  if (!id) {
    navigate('#/partners');
    return;
  }
  const { data, errors } = await graphql(VIEW, { id });
  const view = data?.organisation360;
  const o = view?.organisation;
  const part = (path) => errors.filter((e) => e.path?.[1] === path);
  show(main, o?.name ?? id, html`
    <span class="govuk-caption-l">Organisation 360</span>
    <h1 class="govuk-heading-l">${o?.name ?? id}</h1>
    ${liveRegion(liveNote)}
    ${missingNote(part('organisation'), 'The directory entry')}${otherErrors(errors)}
    ${o ? summaryList([['Type', words(o.type)], ['Website', o.website ? html`<a class="govuk-link" href="${o.website}" rel="noreferrer">${o.website}</a>` : null]]) : ''}
    <h2 class="govuk-heading-m">Contracts held as provider</h2>
    ${missingNote(part('contractsAsProvider'), 'Contracts')}
    ${view?.contractsAsProvider ? (view.contractsAsProvider.length ? html`<ul class="govuk-list">${view.contractsAsProvider.map((c) => html`<li>
      <a class="govuk-link" href="${href('contract', c.id)}">${c.service}</a> for ${c.ownerOrganisation}${c.performance ? ` · ${c.performance}` : ''}</li>`)}</ul>`
      : html`<p class="govuk-body">None.</p>`) : ''}
    <h2 class="govuk-heading-m">Commissioning strategies</h2>
    ${missingNote(part('strategiesCommissioned'), 'Strategies')}
    ${view?.strategiesCommissioned ? (view.strategiesCommissioned.length ? html`<ul class="govuk-list">${view.strategiesCommissioned.map((s) => html`<li>
      ${s.title}${s.stage ? ` · ${words(s.stage)}` : ''}${s.commissionerStatus ? ` · ${words(s.commissionerStatus)}` : ''}</li>`)}</ul>`
      : html`<p class="govuk-body">None.</p>`) : ''}
    <h2 class="govuk-heading-m">Plan activities it leads or partners on</h2>
    ${missingNote(part('activities'), 'Plan activities')}
    ${view?.activities ? (view.activities.length ? html`<ul class="govuk-list govuk-list--bullet">${view.activities.slice(0, 50).map((a) => html`<li>
      <a class="govuk-link" href="${href('activity', a.id)}">${a.reference}</a> ${a.description}${a.leadOrganisation === id ? ' (lead)' : ''}</li>`)}</ul>
      ${view.activities.length > 50 ? html`<p class="govuk-body-s">And ${view.activities.length - 50} more:
        <a class="govuk-link" href="${href('activities', { organisation: id })}">all activities of ${o?.name ?? id}, page by page</a>.</p>` : ''}`
      : html`<p class="govuk-body">None.</p>`) : ''}`);
  // every change concerning the organisation: its entry, contracts it provides, activities it leads or partners on
  followRecord(`organisation:${id}`, { organisations: [id] }, () => true, (change, note) => organisation360(main, [id], query, note));
}

export async function partners(main, _, query) {
  const name = query.q ?? '';
  const position = pagePosition(query);
  const { data, errors } = await graphql(SEARCH, { name: name || null, first: PAGE_SIZE, after: position.after });
  const found = nodes(data?.organisations);
  const from = (position.number - 1) * PAGE_SIZE + 1;
  show(main, 'Partner directory', html`
    <h1 class="govuk-heading-l">Partner directory</h1>
    <form id="search" role="search"><div class="govuk-form-group"><label class="govuk-label" for="q">Organisation name</label>
      <div class="govuk-hint" id="q-hint">Part of a name or another name it is known by, such as Boston or ICB.</div>
      <input class="govuk-input govuk-input--width-20" id="q" name="q" type="search" value="${name}" aria-describedby="q-hint" spellcheck="false">
      <button class="govuk-button govuk-!-margin-bottom-0" type="submit">Search</button></div></form>
    ${missingNote(errors, 'The partner directory')}${otherErrors(errors)}
    ${data ? html`<p class="govuk-body" role="status" data-testid="partners-shown">${found.length === 0 ? 'No organisations'
      : position.number === 1 && !data.organisations.pageInfo.hasNextPage ? `${found.length} ${found.length === 1 ? 'organisation' : 'organisations'}`
      : `Organisations ${from} to ${from + found.length - 1}`}${name ? html` matching “${name}”` : ''}.</p>
      <ul class="govuk-list" data-testid="partners">${found.map((o) => html`<li><a class="govuk-link" href="${href('organisation', o.id)}">${o.name}</a>
        <span class="govuk-hint govuk-!-display-inline">${words(o.type)}</span></li>`)}</ul>
      ${pager(['partners'], { q: name }, position, data.organisations.pageInfo)}` : ''}`);
  main.querySelector('#search').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(href('partners', { q: new FormData(event.target).get('q') }));
  });
}

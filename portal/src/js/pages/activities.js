// Activity search across every plan the user may read: by words, organisation (lead or partner) and area, a page
// at a time with the API's cursors.
import { graphql, missingNote, otherErrors } from '../api.js';
import { html, href } from '../html.js';
import { show, nodes, pager, pagePosition, PAGE_SIZE } from '../page.js';
import { navigate } from '../app.js';

const SEARCH = `query($filter: ActivityFilter, $first: Int!, $after: String) { activities(filter: $filter, first: $first, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { id planId reference description leadOrganisation plan { title } } } } }`;

const FIELDS = [
  ['q', 'Words', 'In the description, outputs, milestones or reference, such as housing', 'govuk-input--width-20'],
  ['organisation', 'Organisation', 'Its id, as lead or partner, such as boston-bc', 'govuk-input--width-10'],
  ['area', 'Area', 'ONS code, such as E07000136', 'govuk-input--width-10'],
];

export async function activities(main, _, query) {
  const criteria = Object.fromEntries(FIELDS.map(([name]) => [name, (query[name] ?? '').trim()]));
  const filter = { text: criteria.q || null, organisation: criteria.organisation || null, area: criteria.area || null, planId: query.plan || null };
  const position = pagePosition(query);
  const { data, errors } = await graphql(SEARCH, { filter, first: PAGE_SIZE, after: position.after });
  const found = nodes(data?.activities);
  const from = (position.number - 1) * PAGE_SIZE + 1;
  show(main, 'Activities', html`
    <h1 class="govuk-heading-l">Activities</h1>
    <form id="activity-search" role="search" class="govuk-!-margin-bottom-4"><div class="govuk-grid-row">
      ${FIELDS.map(([name, label, hint, width]) => html`<div class="govuk-grid-column-one-third"><div class="govuk-form-group">
        <label class="govuk-label" for="${name}">${label}</label><div class="govuk-hint" id="${name}-hint">${hint}</div>
        <input class="govuk-input ${width}" id="${name}" name="${name}" value="${criteria[name]}" aria-describedby="${name}-hint" spellcheck="false"></div></div>`)}
    </div>${query.plan ? html`<input type="hidden" name="plan" value="${query.plan}">` : ''}
    <button class="govuk-button" type="submit">Search</button></form>
    ${missingNote(errors, 'Activities')}${otherErrors(errors)}
    ${data ? html`<p class="govuk-body" role="status" data-testid="activities-shown">${found.length === 0 ? 'No activities match.'
      : `Activities ${from} to ${from + found.length - 1}${data.activities.pageInfo.hasNextPage ? '' : ` of ${from + found.length - 1}`}.`}</p>
      ${found.length ? html`<table class="govuk-table" data-testid="activities"><caption class="govuk-table__caption govuk-visually-hidden">Activities found</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Activity</th>
        <th scope="col" class="govuk-table__header">Plan</th><th scope="col" class="govuk-table__header">Lead</th></tr></thead>
        <tbody class="govuk-table__body">${found.map((a) => html`<tr class="govuk-table__row">
          <td class="govuk-table__cell"><a class="govuk-link" href="${href('activity', a.id)}">${a.reference}</a> ${a.description}</td>
          <td class="govuk-table__cell"><a class="govuk-link" href="${href('plan', a.planId)}">${a.plan?.title ?? a.planId}</a></td>
          <td class="govuk-table__cell">${a.leadOrganisation ? html`<a class="govuk-link" href="${href('organisation', a.leadOrganisation)}">${a.leadOrganisation}</a>` : ''}</td></tr>`)}
        </tbody></table>` : ''}
      ${pager(['activities'], { ...criteria, plan: query.plan }, position, data.activities.pageInfo)}` : ''}`);
  main.querySelector('#activity-search').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(href('activities', Object.fromEntries([...new FormData(event.target)].map(([k, v]) => [k, String(v).trim()]))));
  });
}

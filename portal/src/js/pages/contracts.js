// Contracts: the decisions calendar (reviews, extension decisions, expiries, ratings due) and one contract with its
// term, extension options and rating history. Internal fields (corrective measures, commercial notes) come back
// only for signed-in users; the page shows them only when the API gives them.
import { graphql, missingNote, otherErrors } from '../api.js';
import { html, href } from '../html.js';
import { show, nodes, summaryList, words } from '../page.js';
import { navigate } from '../app.js';
import { followRecord, concerns, liveRegion } from '../live.js';

const CALENDAR = `query($days: Int!, $owner: ID) { decisionsCalendar(days: $days, ownerOrganisation: $owner, first: 100) {
  edges { node { kind dueDate option overdue contract { id service provider ownerOrganisation } } } } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id strategyId ownerOrganisation service provider providerOrganisationId
  valueAmount currency term reviewDate performance kpis kpiCount commercialNotes politicallySensitive areas
  period { asWritten kind startDate endDate maxExtentDate baseEndDate flaggedForReview flagReason
           extensionOptions { number months startDate endDate state decidedOn note } }
  review { asWritten dueDate decides recurrence }
  ratings { scale label ratedOn asWritten correctiveMeasures } } }`;

export async function decisions(main, _, query) {
  const days = Number(query.days) || 365;
  const owner = query.owner || null;
  const { data, errors } = await graphql(CALENDAR, { days, owner });
  const rows = nodes(data?.decisionsCalendar);
  show(main, 'Contract decisions calendar', html`
    <h1 class="govuk-heading-l">Contract decisions calendar</h1>
    <p class="govuk-body">Reviews, extension decisions, expiries and ratings due in the next ${days} days; open decisions already overdue come first.</p>
    <form id="calendar-form" class="govuk-!-margin-bottom-4"><div class="govuk-form-group"><label class="govuk-label" for="days">Days ahead</label>
      <select class="govuk-select" id="days" name="days">${[90, 180, 365].map((d) => html`<option value="${d}"${d === days ? html` selected` : ''}>${d}</option>`)}</select>
      <button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit">Show</button></div></form>
    ${missingNote(errors, 'The decisions calendar')}${otherErrors(errors)}
    ${data ? (rows.length ? html`<table class="govuk-table" data-testid="calendar"><caption class="govuk-table__caption govuk-visually-hidden">Decisions due</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Due</th>
      <th scope="col" class="govuk-table__header">Decision</th><th scope="col" class="govuk-table__header">Contract</th>
      <th scope="col" class="govuk-table__header">Commissioner</th></tr></thead>
      <tbody class="govuk-table__body">${rows.map((d) => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${d.dueDate}${d.overdue ? html` <strong class="govuk-tag govuk-tag--red">Overdue</strong>` : ''}</td>
        <td class="govuk-table__cell">${words(d.kind)}${d.option ? ` (option ${d.option})` : ''}</td>
        <td class="govuk-table__cell"><a class="govuk-link" href="${href('contract', d.contract.id)}">${d.contract.service}</a><br><span class="govuk-body-s">${d.contract.provider}</span></td>
        <td class="govuk-table__cell">${d.contract.ownerOrganisation}</td></tr>`)}</tbody></table>`
      : html`<p class="govuk-body">Nothing is due in this time.</p>`) : ''}`);
  main.querySelector('#calendar-form').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(href('contracts', { days: new FormData(event.target).get('days') }));
  });
}

export async function contract(main, [id], query, liveNote) {
  const { data, errors } = await graphql(CONTRACT, { id });
  const c = data?.contract;
  if (!c) {
    show(main, 'Contract', html`<h1 class="govuk-heading-l">Contract</h1>${missingNote(errors, 'This contract')}${otherErrors(errors)}
      ${errors.length === 0 ? html`<p class="govuk-body">There is no contract ${id}.</p>` : ''}`);
    return;
  }
  const money = c.valueAmount ? `£${Number(c.valueAmount).toLocaleString('en-GB')}` : null;
  const internal = c.commercialNotes || c.ratings.some((r) => r.correctiveMeasures);
  show(main, c.service, html`
    <a class="govuk-back-link" href="${href('contracts')}">Decisions calendar</a>
    <span class="govuk-caption-l">Key contract of ${c.ownerOrganisation}</span>
    <h1 class="govuk-heading-l">${c.service}</h1>
    ${liveRegion(liveNote)}
    ${summaryList([
      ['Provider', c.providerOrganisationId ? html`<a class="govuk-link" href="${href('organisation', c.providerOrganisationId)}">${c.provider}</a>` : c.provider],
      ['Value', money],
      ['Term as written', c.term],
      ['Current period', c.period.startDate || c.period.endDate ? `${c.period.startDate ?? '?'} to ${c.period.endDate ?? '?'}` : words(c.period.kind)],
      ['Latest possible end', c.period.maxExtentDate],
      ['Review', c.review ? `${c.review.dueDate ?? c.review.asWritten ?? ''} (decides: ${words(c.review.decides)})` : c.reviewDate],
      ['KPIs', c.kpis === null ? null : c.kpis ? `Yes${c.kpiCount ? ` (${c.kpiCount})` : ''}` : 'No'],
      ['Term needs review', c.period.flaggedForReview ? c.period.flagReason : null],
      ['Commercial notes (internal)', c.commercialNotes]])}
    ${internal ? html`<p class="govuk-body-s" data-testid="internal-note"><strong class="govuk-tag govuk-tag--grey">Internal</strong> Fields marked internal are shown to signed-in users only.</p>` : ''}
    <h2 class="govuk-heading-m">Extension options</h2>
    ${c.period.extensionOptions.length ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Extension options</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Option</th>
      <th scope="col" class="govuk-table__header">Period</th><th scope="col" class="govuk-table__header">State</th></tr></thead>
      <tbody class="govuk-table__body">${c.period.extensionOptions.map((o) => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${o.number}${o.months ? ` (${o.months} months)` : ''}</td>
        <td class="govuk-table__cell">${o.startDate ?? '?'} to ${o.endDate ?? '?'}</td>
        <td class="govuk-table__cell">${words(o.state)}${o.decidedOn ? ` on ${o.decidedOn}` : ''}</td></tr>`)}</tbody></table>`
      : html`<p class="govuk-body">No extension options.</p>`}
    <h2 class="govuk-heading-m">Rating history</h2>
    ${c.ratings.length ? html`<table class="govuk-table" data-testid="ratings"><caption class="govuk-table__caption govuk-visually-hidden">Performance ratings</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Rated on</th>
      <th scope="col" class="govuk-table__header">Rating</th><th scope="col" class="govuk-table__header">Scale</th>
      ${c.ratings.some((r) => r.correctiveMeasures) ? html`<th scope="col" class="govuk-table__header">Corrective measures (internal)</th>` : ''}</tr></thead>
      <tbody class="govuk-table__body">${c.ratings.map((r) => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${r.ratedOn ?? '–'}</td><td class="govuk-table__cell">${r.label}</td>
        <td class="govuk-table__cell">${words(r.scale)}</td>
        ${c.ratings.some((x) => x.correctiveMeasures) ? html`<td class="govuk-table__cell">${r.correctiveMeasures ?? ''}</td>` : ''}</tr>`)}</tbody></table>`
      : html`<p class="govuk-body">Not rated yet.</p>`}`);
  followRecord(`contract:${id}`, { subjectPrefix: `contracts/${id}` }, concerns(`contracts/${id}`),
    (change, note) => contract(main, [id], query, note));
}

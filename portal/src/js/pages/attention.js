// Needs attention: the gateway's view for the signed-in user's organisation and a reporting period.
import * as session from '../session.js';
import { graphql, missingNote, otherErrors } from '../api.js';
import { html, href } from '../html.js';
import { show, periodSelect, words } from '../page.js';
import { currentPeriod, quarters } from '../periods.js';
import { navigate } from '../app.js';

const QUERY = `query($period: String!, $organisation: ID) { needsAttention(period: $period, organisation: $organisation) {
  plans { planId title counts { behindPlan overdueMilestones notReported missingExplanations }
          behindPlan { activity { id reference description } update { status explanation } } }
  contractDecisions { kind dueDate overdue contract { id service provider } }
  indicatorsWorseAndWorsening { area { code name } entry { indicator { id name } comparison { outcome } trend { assessment } } } } }`;

export async function attention(main, _, query) {
  const who = session.current();
  if (!who) {
    navigate('#/sign-in');
    return;
  }
  const period = query.period || currentPeriod();
  const { data, errors } = await graphql(QUERY, { period, organisation: who.organisation });
  const view = data?.needsAttention;
  show(main, 'Needs attention', html`
    <span class="govuk-caption-l">${who.organisation}</span>
    <h1 class="govuk-heading-l">Needs attention in ${period}</h1>
    <form id="period-form" class="govuk-!-margin-bottom-6">${periodSelect('period', quarters('2019/20 Q1'), period)}
      <button class="govuk-button govuk-button--secondary" type="submit">Show period</button></form>
    ${otherErrors(errors)}
    <h2 class="govuk-heading-m">Plans</h2>
    ${missingNote(errors, 'Plan exceptions', 'needsAttention.plans')}
    ${view?.plans?.length === 0 ? html`<p class="govuk-body">No plan of ${who.organisation} has exceptions for this period.</p>` : ''}
    ${(view?.plans ?? []).map((p) => html`
      <h3 class="govuk-heading-s"><a class="govuk-link" href="${href('plan', p.planId, { period })}">${p.title}</a></h3>
      <ul class="cg-counts govuk-body" data-testid="exception-counts">
        <li>Behind plan: <strong>${p.counts.behindPlan}</strong></li>
        <li>Overdue milestones: <strong>${p.counts.overdueMilestones}</strong></li>
        <li>Not reported: <strong>${p.counts.notReported}</strong></li>
        <li>Missing explanations: <strong>${p.counts.missingExplanations}</strong></li></ul>
      ${p.behindPlan.length ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Activities of ${p.title} behind plan</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Activity</th>
        <th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header">Explanation</th></tr></thead>
        <tbody class="govuk-table__body">${p.behindPlan.map((b) => html`<tr class="govuk-table__row">
          <td class="govuk-table__cell"><a class="govuk-link" href="${href('activity', b.activity.id, { period })}">${b.activity.reference}</a> ${b.activity.description}</td>
          <td class="govuk-table__cell">${b.update.status}</td><td class="govuk-table__cell">${b.update.explanation ?? html`<strong>Missing</strong>`}</td></tr>`)}
        </tbody></table>` : ''}`)}
    <h2 class="govuk-heading-m">Contract decisions due</h2>
    ${missingNote(errors, 'Contract decisions', 'needsAttention.contractDecisions')}
    ${view?.contractDecisions ? (view.contractDecisions.length ? html`<table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">Contract decisions due</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Due</th>
      <th scope="col" class="govuk-table__header">Decision</th><th scope="col" class="govuk-table__header">Contract</th></tr></thead>
      <tbody class="govuk-table__body">${view.contractDecisions.slice(0, 25).map((d) => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${d.dueDate}${d.overdue ? html` <strong class="govuk-tag govuk-tag--red">Overdue</strong>` : ''}</td>
        <td class="govuk-table__cell">${words(d.kind)}</td>
        <td class="govuk-table__cell"><a class="govuk-link" href="${href('contract', d.contract.id)}">${d.contract.service}</a> (${d.contract.provider})</td></tr>`)}
      </tbody></table>` : html`<p class="govuk-body">None due.</p>`) : ''}
    <h2 class="govuk-heading-m">Indicators worse than England and getting worse</h2>
    ${missingNote(errors, 'Indicators', 'needsAttention.indicatorsWorseAndWorsening')}
    ${view?.indicatorsWorseAndWorsening ? (view.indicatorsWorseAndWorsening.length ? html`<ul class="govuk-list govuk-list--bullet">
      ${view.indicatorsWorseAndWorsening.map((r) => html`<li><a class="govuk-link" href="${href('area', r.area.code)}">${r.area.name}</a>: ${r.entry.indicator.name}</li>`)}</ul>`
      : html`<p class="govuk-body">None.</p>`) : ''}`);
  main.querySelector('#period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(href('attention', { period: new FormData(event.target).get('period') }));
  });
}

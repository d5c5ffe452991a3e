// Needs attention: the gateway's view for the signed-in user's organisation and a reporting period, optionally for
// one area: each plan's activities behind plan, overdue milestones and activities not reported; contract decisions
// due and poorly rated contracts; indicators worse than England and getting worse, and missed targets.
import * as session from '../session.js';
import { graphql, missingNote, otherErrors } from '../api.js';
import { html, href } from '../html.js';
import { show, periodSelect, words } from '../page.js';
import { currentPeriod, quarters } from '../periods.js';
import { navigate } from '../app.js';

const QUERY = `query($period: String!, $organisation: ID, $area: ID) {
  needsAttention(period: $period, organisation: $organisation, area: $area) {
  plans { planId title counts { behindPlan overdueMilestones notReported missingExplanations }
          behindPlan { activity { id reference description } update { status explanation } }
          overdueMilestones { activity { id reference description } milestone { id text dueDate status revisedDueDate } }
          notReported { id reference description } }
  contractDecisions { kind dueDate overdue contract { id service provider } }
  poorlyRatedContracts { id service provider latestRating { label ratedOn } }
  indicatorsWorseAndWorsening { area { code name } entry { indicator { id name } comparison { outcome } trend { assessment } } }
  missedTargets { indicator { id name } areaCode period { label } target actual { value } verdict reportedVerdict } } }`;

const th = (text) => html`<th scope="col" class="govuk-table__header">${text}</th>`;
const td = (content) => html`<td class="govuk-table__cell">${content}</td>`;

function table(caption, testid, headers, rows) {
  return html`<table class="govuk-table" data-testid="${testid}"><caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">${headers.map(th)}</tr></thead>
    <tbody class="govuk-table__body">${rows.map((cells) => html`<tr class="govuk-table__row">${cells.map(td)}</tr>`)}</tbody></table>`;
}

function activityLink(activity, period) {
  return html`<a class="govuk-link" href="${href('activity', activity.id, { period })}">${activity.reference}</a> ${activity.description}`;
}

/** A list from the view: null when its service did not answer (the note says so), "None" when empty. */
function section(list, render, none = 'None.') {
  if (!list) return '';
  return list.length ? render(list) : html`<p class="govuk-body">${none}</p>`;
}

function planSection(p, period) {
  return html`<section data-testid="plan-exceptions" data-plan="${p.planId}">
    <h3 class="govuk-heading-s"><a class="govuk-link" href="${href('plan', p.planId, { period })}">${p.title}</a></h3>
    <ul class="cg-counts govuk-body" data-testid="exception-counts">
      <li>Behind plan: <strong>${p.counts.behindPlan}</strong></li>
      <li>Overdue milestones: <strong>${p.counts.overdueMilestones}</strong></li>
      <li>Not reported: <strong>${p.counts.notReported}</strong></li>
      <li>Missing explanations: <strong>${p.counts.missingExplanations}</strong></li></ul>
    ${p.behindPlan.length ? table(`Behind plan (${p.behindPlan.length} of ${p.counts.behindPlan})`, 'behind-plan', ['Activity', 'Status', 'Explanation'],
      p.behindPlan.map((b) => [activityLink(b.activity, period), b.update.status, b.update.explanation ?? html`<strong>Missing</strong>`])) : ''}
    ${p.overdueMilestones.length ? table(`Overdue milestones (${p.overdueMilestones.length} of ${p.counts.overdueMilestones})`, 'overdue-milestones',
      ['Activity', 'Milestone', 'Due'],
      p.overdueMilestones.map((o) => [activityLink(o.activity, period), html`${o.milestone.text}${o.milestone.status === 'MISSED' ? html` <strong class="govuk-tag govuk-tag--red">Missed</strong>` : ''}`,
        o.milestone.revisedDueDate ? html`${o.milestone.revisedDueDate} (was ${o.milestone.dueDate})` : o.milestone.dueDate ?? '–'])) : ''}
    ${p.notReported.length ? html`<h4 class="govuk-heading-s govuk-!-font-size-16">No update for ${period} (${p.notReported.length} of ${p.counts.notReported})</h4>
      <ul class="govuk-list govuk-list--bullet" data-testid="not-reported">${p.notReported.map((a) => html`<li>${activityLink(a, period)}</li>`)}</ul>` : ''}
  </section>`;
}

export async function attention(main, _, query) {
  const who = session.current();
  if (!who) {
    navigate('#/sign-in');
    return;
  }
  const period = query.period || currentPeriod();
  const area = query.area || null;
  const { data, errors } = await graphql(QUERY, { period, organisation: who.organisation, area });
  const view = data?.needsAttention;
  const fieldErrors = errors.filter((e) => e.extensions?.field === 'area');
  show(main, 'Needs attention', html`
    <span class="govuk-caption-l">${who.organisation}${area ? html` · area <a class="govuk-link" href="${href('area', area)}">${area}</a>` : ''}</span>
    <h1 class="govuk-heading-l">Needs attention in ${period}</h1>
    <form id="period-form" class="govuk-!-margin-bottom-6"><div class="govuk-grid-row">
      <div class="govuk-grid-column-one-third">${periodSelect('period', quarters('2019/20 Q1'), period)}</div>
      <div class="govuk-grid-column-one-third"><div class="govuk-form-group${fieldErrors.length ? ' govuk-form-group--error' : ''}">
        <label class="govuk-label" for="area">Area (optional)</label>
        <div id="area-hint" class="govuk-hint">ONS code, such as E07000136 for Boston</div>
        ${fieldErrors.map((e) => html`<p id="area-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${e.message}</p>`)}
        <input class="govuk-input govuk-input--width-10" id="area" name="area" value="${area ?? ''}" aria-describedby="area-hint${fieldErrors.length ? ' area-error' : ''}"></div></div>
    </div><button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit">Show</button></form>
    ${otherErrors(errors.filter((e) => !fieldErrors.includes(e)))}
    ${view ? html`
    <h2 class="govuk-heading-m">Plans</h2>
    ${missingNote(errors, 'Plan exceptions', 'needsAttention.plans')}
    ${view.plans?.length === 0 ? html`<p class="govuk-body">No plan of ${who.organisation}${area ? ` covering ${area}` : ''} has exceptions for this period.</p>` : ''}
    ${(view.plans ?? []).map((p) => planSection(p, period))}
    <h2 class="govuk-heading-m">Contracts</h2>
    ${missingNote(errors, 'Contract decisions', 'needsAttention.contractDecisions')}
    ${section(view.contractDecisions, (list) => table('Decisions due in the next 90 days', 'contract-decisions', ['Due', 'Decision', 'Contract'],
      list.slice(0, 25).map((d) => [html`${d.dueDate}${d.overdue ? html` <strong class="govuk-tag govuk-tag--red">Overdue</strong>` : ''}`, words(d.kind),
        html`<a class="govuk-link" href="${href('contract', d.contract.id)}">${d.contract.service}</a> (${d.contract.provider})`])), 'No decisions due in the next 90 days.')}
    ${missingNote(errors, 'Poorly rated contracts', 'needsAttention.poorlyRatedContracts')}
    ${section(view.poorlyRatedContracts, (list) => table('Rated poor, requires improvement or inadequate', 'poorly-rated', ['Contract', 'Latest rating', 'Rated on'],
      list.map((c) => [html`<a class="govuk-link" href="${href('contract', c.id)}">${c.service}</a> (${c.provider})`, c.latestRating?.label, c.latestRating?.ratedOn ?? 'Undated'])),
      'No contract is rated poor.')}
    <h2 class="govuk-heading-m">Indicators</h2>
    ${missingNote(errors, 'Indicators', 'needsAttention.indicatorsWorseAndWorsening')}
    ${section(view.indicatorsWorseAndWorsening, (list) => html`<h3 class="govuk-heading-s">Worse than England and getting worse</h3>
      <ul class="govuk-list govuk-list--bullet" data-testid="red-red">
      ${list.map((r) => html`<li><a class="govuk-link" href="${href('area', r.area.code)}">${r.area.name}</a>: ${r.entry.indicator.name}</li>`)}</ul>`,
      'No indicator is worse than England and getting worse.')}
    ${missingNote(errors, 'Missed targets', 'needsAttention.missedTargets')}
    ${section(view.missedTargets, (list) => table('Latest targets not achieved', 'missed-targets', ['Indicator', 'Area', 'Period', 'Target', 'Actual'],
      list.map((t) => [t.indicator?.name ?? '–', html`<a class="govuk-link" href="${href('area', t.areaCode)}">${t.areaCode}</a>`, t.period.label,
        t.target ?? 'Not stated', t.actual?.value ?? (t.verdict ? '–' : 'As reported: not achieved')])), 'No target missed.')}` : ''}`);
  main.querySelector('#period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    navigate(href('attention', { period: form.get('period'), area: String(form.get('area') ?? '').trim() }));
  });
}

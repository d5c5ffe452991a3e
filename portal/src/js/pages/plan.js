// Plans: the list, and one plan as a tree of themes and objectives with RAG counts for a period, filterable by
// status. While it is shown, a change to any of its activities (from anyone) updates it and says so.
import { graphql, missingNote, otherErrors } from '../api.js';
import { html, href } from '../html.js';
import { show, nodes, rag, ragCounts, words, periodSelect } from '../page.js';
import { currentPeriod, quarters } from '../periods.js';
import { navigate, whileShown } from '../app.js';
import { follow } from '../live.js';

const PLAN = `query($id: ID!) { plan(id: $id) { id title ownerOrganisation period kind visibility themeLabel objectiveLabel
  firstReportingPeriod lastReportingPeriod ragScale { label colour meaning behindPlan }
  themes { key title objectives { key title } } } }`;
const STATUS = `query($id: ID!, $period: String!, $after: String) {
  ragSummary(planId: $id, period: $period) { counts { ...Counts }
    themes { theme { key } counts { ...Counts } objectives { objective { key } counts { ...Counts } } } }
  activityStatuses(planId: $id, period: $period, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { activity { id reference description objectiveKey } status behindPlan reported } } } }
fragment Counts on RagCounts { activities reported notReported statuses { label colour meaning count behindPlan } }`;

export async function plans(main) {
  const { data, errors } = await graphql('{ plans(first: 50) { edges { node { id title ownerOrganisation kind period visibility } } } }');
  show(main, 'Plans', html`<h1 class="govuk-heading-l">Plans</h1>
    ${missingNote(errors, 'Plans')}
    <table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Plans</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Plan</th>
      <th scope="col" class="govuk-table__header">Owner</th><th scope="col" class="govuk-table__header">Period</th></tr></thead>
    <tbody class="govuk-table__body">${nodes(data?.plans).map((p) => html`<tr class="govuk-table__row">
      <td class="govuk-table__cell"><a class="govuk-link" href="${href('plan', p.id)}">${p.title}</a>
        ${p.visibility === 'INTERNAL' ? html` <strong class="govuk-tag govuk-tag--grey">Internal</strong>` : ''}</td>
      <td class="govuk-table__cell"><a class="govuk-link" href="${href('organisation', p.ownerOrganisation)}">${p.ownerOrganisation}</a></td>
      <td class="govuk-table__cell">${p.period}</td></tr>`)}</tbody></table>`);
}

export async function plan(main, [id], query, liveNote) {
  const planAnswer = await graphql(PLAN, { id });
  const p = planAnswer.data?.plan;
  if (!p) {
    show(main, 'Plan', html`<h1 class="govuk-heading-l">Plan</h1>${missingNote(planAnswer.errors, 'This plan')}${otherErrors(planAnswer.errors)}
      ${planAnswer.errors.length === 0 ? html`<p class="govuk-body">There is no plan ${id}, or it is internal: sign in to see internal plans.</p>` : ''}`);
    return;
  }
  const periods = quarters(p.firstReportingPeriod, p.lastReportingPeriod);
  const period = query.period || (periods.includes(currentPeriod()) ? currentPeriod() : periods[0]);
  const status = query.status ?? '';
  let summary = null;
  const statuses = [];
  const errors = [];
  for (let after = null, more = true; more;) {
    const answer = await graphql(STATUS, { id, period, after });
    errors.push(...answer.errors);
    summary ??= answer.data?.ragSummary;
    const page = answer.data?.activityStatuses;
    statuses.push(...nodes(page));
    more = !!page?.pageInfo?.hasNextPage;
    after = page?.pageInfo?.endCursor;
  }
  const shown = statuses.filter((s) => !status || (status === 'not-reported' ? !s.reported : status === 'behind' ? s.behindPlan : s.status === status));
  const colour = Object.fromEntries(p.ragScale.map((s) => [s.label, s.colour]));
  const themeCounts = Object.fromEntries((summary?.themes ?? []).map((t) => [t.theme.key, t]));
  show(main, p.title, html`
    <span class="govuk-caption-l">${words(p.kind)} of <a class="govuk-link" href="${href('organisation', p.ownerOrganisation)}">${p.ownerOrganisation}</a> · ${p.period}</span>
    <h1 class="govuk-heading-l">${p.title}</h1>
    <div id="live" class="cg-live" role="status" aria-live="polite">${liveNote ? html`<div class="govuk-notification-banner govuk-notification-banner--success"><div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${liveNote}</p></div></div>` : ''}</div>
    <form id="filters" class="govuk-!-margin-bottom-4"><div class="govuk-grid-row">
      <div class="govuk-grid-column-one-third">${periodSelect('period', periods, period)}</div>
      <div class="govuk-grid-column-one-third"><div class="govuk-form-group"><label class="govuk-label" for="status">Status</label>
        <select class="govuk-select" id="status" name="status"><option value="">All statuses</option>
        ${p.ragScale.map((s) => html`<option value="${s.label}"${status === s.label ? html` selected` : ''}>${s.label}: ${s.meaning}</option>`)}
        <option value="behind"${status === 'behind' ? html` selected` : ''}>Any behind plan</option>
        <option value="not-reported"${status === 'not-reported' ? html` selected` : ''}>Not reported</option></select></div></div>
      <div class="govuk-grid-column-one-third"><button class="govuk-button govuk-button--secondary govuk-!-margin-top-6" type="submit">Apply filters</button></div>
    </div></form>
    ${missingNote(errors, 'Progress for this period')}${otherErrors(errors)}
    ${summary ? html`<h2 class="govuk-heading-m">Whole plan in ${period}</h2><div class="govuk-body" data-testid="plan-counts">${ragCounts(summary.counts)}</div>` : ''}
    <div class="cg-tree"><ul>${p.themes.map((theme) => html`<li>
      <h2 class="govuk-heading-m govuk-!-margin-top-6">${p.themeLabel}: ${theme.title}</h2>
      ${themeCounts[theme.key] ? html`<div class="govuk-body">${ragCounts(themeCounts[theme.key].counts)}</div>` : ''}
      <ul>${theme.objectives.map((objective) => {
        const counts = themeCounts[theme.key]?.objectives.find((o) => o.objective.key === objective.key)?.counts;
        const activities = shown.filter((s) => s.activity.objectiveKey === objective.key);
        return html`<li><h3 class="govuk-heading-s">${p.objectiveLabel}: ${objective.title}</h3>
          ${counts ? html`<div class="govuk-body-s">${ragCounts(counts)}</div>` : ''}
          ${activities.length ? html`<table class="govuk-table govuk-!-margin-bottom-4"><caption class="govuk-table__caption govuk-visually-hidden">Activities of ${objective.title}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Activity</th><th scope="col" class="govuk-table__header">Status in ${period}</th></tr></thead>
            <tbody class="govuk-table__body">${activities.map((s) => html`<tr class="govuk-table__row" data-activity="${s.activity.id}">
              <td class="govuk-table__cell"><a class="govuk-link" href="${href('activity', s.activity.id, { period })}">${s.activity.reference}</a> ${s.activity.description}</td>
              <td class="govuk-table__cell">${rag(s.status, colour[s.status])}${s.behindPlan ? html` <strong class="govuk-tag govuk-tag--red">Behind plan</strong>` : ''}</td></tr>`)}
            </tbody></table>` : ''}</li>`;
      })}</ul></li>`)}</ul></div>`);
  main.querySelector('#filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    navigate(href('plan', id, { period: form.get('period'), status: form.get('status') }));
  });
  if (!liveNote) whileShown(follow({ subjectPrefix: `plans/${id}/` }, (change) => {
    plan(main, [id], query, `Updated just now: ${change.subject.replace(`plans/${id}/activities/`, 'activity ')} changed (${change.type.split('.').slice(-3, -1).join(' ')}).`);
  }));
}

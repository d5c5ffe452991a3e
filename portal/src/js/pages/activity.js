// One activity: milestones, the history of its progress updates and, for those who may report on it, the
// quarterly update form with the plan's own RAG scale. The plans service checks every rule again: its errors are
// shown next to the field they name (extensions.field).
import * as session from '../session.js';
import { graphql, missingNote, otherErrors } from '../api.js';
import { html, href, raw } from '../html.js';
import { show, nodes, rag, summaryList, words, periodSelect } from '../page.js';
import { currentPeriod, quarters } from '../periods.js';
import { navigate } from '../app.js';
import { followRecord, concerns, liveRegion, liveBanner } from '../live.js';

const ACTIVITY = `query($id: ID!) { activityById(id: $id) {
  id planId reference description leadOrganisation partnerOrganisations areas note
  milestones { id text dueDate status revisedDueDate }
  plan { id title ownerOrganisation partnersMayReport requiresApproval firstReportingPeriod lastReportingPeriod
         ragScale { label colour meaning behindPlan } }
  history(first: 40) { edges { node { id period revision status behindPlan commentary explanation author
         authorOrganisation reportedAt state correctionReason } } } } }`;
const SUBMIT = `mutation($input: SubmitProgressInput!) { submitProgressUpdate(input: $input) { update { id period revision status } } }`;
const CORRECT = `mutation($input: CorrectProgressInput!) { correctProgressUpdate(input: $input) { update { id period revision status } } }`;
const PUBLISH = `mutation($input: PublishProgressInput!) { publishProgressUpdate(input: $input) { update { id period revision status state } } }`;

function mayReport(activity) {
  const plan = activity.plan;
  return session.canEdit(plan.ownerOrganisation)
    || (plan.partnersMayReport && [activity.leadOrganisation, ...activity.partnerOrganisations].some((org) => org && session.canEdit(org)));
}

export async function activity(main, [id], query, notice, liveNote) {
  const { data, errors } = await graphql(ACTIVITY, { id });
  const a = data?.activityById;
  if (!a) {
    show(main, 'Activity', html`<h1 class="govuk-heading-l">Activity</h1>${missingNote(errors, 'This activity')}${otherErrors(errors)}
      ${errors.length === 0 ? html`<p class="govuk-body">There is no activity ${id}, or its plan is internal: sign in to see it.</p>` : ''}`);
    return;
  }
  const plan = a.plan;
  const periods = quarters(plan.firstReportingPeriod, plan.lastReportingPeriod);
  const period = query.period || (periods.includes(currentPeriod()) ? currentPeriod() : periods[0]);
  const history = nodes(a.history);
  const current = history.find((u) => u.period === period); // newest revision first
  const colour = Object.fromEntries(plan.ragScale.map((s) => [s.label, s.colour]));
  const editable = mayReport(a);
  // drafts the user may publish: on a plan that requires approval, for its owner's admins, the latest revision of a period
  const approver = plan.requiresApproval && session.canApprove(plan.ownerOrganisation);
  const publishable = new Set(approver ? history.filter((u, i) => u.state === 'DRAFT' && history.findIndex((x) => x.period === u.period) === i).map((u) => u.id) : []);
  show(main, `${a.reference} ${plan.title}`, html`
    <a class="govuk-back-link" href="${href('plan', plan.id, { period })}">${plan.title}</a>
    <span class="govuk-caption-l">Activity ${a.reference}</span>
    <h1 class="govuk-heading-l">${a.description}</h1>
    ${liveRegion(liveNote)}
    ${notice ?? ''}
    <form id="period-form" class="govuk-!-margin-bottom-4">${periodSelect('activity-period', periods, period)}
      <button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit">Show period</button></form>
    ${summaryList([
      ['Lead', a.leadOrganisation ? html`<a class="govuk-link" href="${href('organisation', a.leadOrganisation)}">${a.leadOrganisation}</a>` : null],
      ['Partners', a.partnerOrganisations.length ? a.partnerOrganisations.join(', ') : null],
      ['Areas', a.areas.length ? html`${a.areas.map((code, i) => html`${i ? ', ' : ''}<a class="govuk-link" href="${href('area', code)}">${code}</a>`)}` : null],
      [`Status in ${period}`, html`<span data-testid="current-status">${rag(current?.status, colour[current?.status])}</span>${current?.state === 'DRAFT'
        ? html` <strong class="govuk-tag govuk-tag--grey">Draft</strong>${publishable.has(current.id) ? ' (publish it under History)' : ''}` : ''}`],
      ['Note', a.note]])}
    <h2 class="govuk-heading-m">Milestones</h2>
    ${a.milestones.length ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Milestones</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Milestone</th>
      <th scope="col" class="govuk-table__header">Due</th><th scope="col" class="govuk-table__header">Status</th></tr></thead>
      <tbody class="govuk-table__body">${a.milestones.map((m) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${m.text}</td>
        <td class="govuk-table__cell">${m.revisedDueDate ? html`${m.revisedDueDate} (was ${m.dueDate})` : m.dueDate ?? '–'}</td>
        <td class="govuk-table__cell">${words(m.status)}</td></tr>`)}</tbody></table>` : html`<p class="govuk-body">No milestones recorded.</p>`}
    ${editable ? form(plan, period, current) : html`<p class="govuk-body" data-testid="read-only">${session.current()
      ? 'Only editors of the organisations responsible for this activity can report its progress.'
      : html`<a class="govuk-link" href="${href('sign-in')}">Sign in</a> to report progress if your organisation is responsible for this activity.`}</p>`}
    <h2 class="govuk-heading-m">History</h2>
    ${plan.requiresApproval ? html`<p class="govuk-body-s" data-testid="approval-note">Updates to this plan are drafts until an admin of ${plan.ownerOrganisation} publishes them${publishable.size
      ? html`: <strong>${publishable.size} ${publishable.size === 1 ? 'draft is' : 'drafts are'} waiting for you to publish</strong>` : ''}.</p>` : ''}
    <div id="publish-errors"></div>
    ${history.length ? html`<table class="govuk-table" data-testid="history"><caption class="govuk-table__caption govuk-visually-hidden">Progress updates, newest first</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Period</th>
      <th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header">Commentary and explanation</th>
      <th scope="col" class="govuk-table__header">Reported</th></tr></thead>
      <tbody class="govuk-table__body">${history.map((u) => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${u.period}${u.revision > 1 ? html`<br><span class="govuk-hint govuk-!-font-size-14">revision ${u.revision}</span>` : ''}</td>
        <td class="govuk-table__cell">${rag(u.status, colour[u.status])}${u.state === 'DRAFT' ? html` <strong class="govuk-tag govuk-tag--grey">Draft</strong>` : ''}
          ${publishable.has(u.id) ? html`<br><button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-top-2"
            data-publish="${u.id}">Publish<span class="govuk-visually-hidden"> the ${u.period} draft, revision ${u.revision}</span></button>` : ''}</td>
        <td class="govuk-table__cell">${u.commentary ?? ''}${u.explanation ? html`<br><strong>Why behind plan:</strong> ${u.explanation}` : ''}${u.correctionReason ? html`<br><strong>Corrected:</strong> ${u.correctionReason}` : ''}</td>
        <td class="govuk-table__cell govuk-!-font-size-16">${u.reportedAt?.slice(0, 10)}<br>${u.author}</td></tr>`)}</tbody></table>`
      : html`<p class="govuk-body">No progress reported yet.</p>`}`);
  main.querySelector('#period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(href('activity', a.id, { period: new FormData(event.target).get('period') }));
  });
  if (editable) wireForm(main, a, period, current);
  main.querySelectorAll('[data-publish]').forEach((button) => button.addEventListener('click', async () => {
    button.disabled = true;
    const { data, errors } = await graphql(PUBLISH, { input: { id: button.dataset.publish } });
    const published = data?.publishProgressUpdate?.update;
    if (errors.length === 0 && published) {
      await activity(main, [a.id], { ...query, period }, html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" data-testid="published">
        <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title">Success</h2></div>
        <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">The ${published.period} update (${published.status},
        revision ${published.revision}) is published: it now counts for everyone.</p></div></div>`);
      return;
    }
    button.disabled = false;
    main.querySelector('#publish-errors').innerHTML = html`${missingNote(errors, 'Publishing')}${otherErrors(errors.length ? errors : [{ message: 'The update was not published.' }])}`.toString();
  }));
  const subject = `plans/${a.planId}/activities/${a.id.slice(a.planId.length + 1)}`;
  followRecord(`activity:${a.id}`, { subjectPrefix: subject }, concerns(subject), (change, note) => {
    if (main.querySelector('#update-form')?.dataset.dirty) {
      // the user is writing an update: say so, and leave what they typed alone
      main.querySelector('#live').innerHTML = liveBanner(html`${note} <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        id="show-latest">Show the latest (what you have typed will be lost)</button>`).toString();
      main.querySelector('#show-latest').addEventListener('click', () => activity(main, [a.id], { ...query, period }, null, note));
      return;
    }
    const saved = main.querySelector('[data-testid="saved"], [data-testid="published"]');
    activity(main, [a.id], { ...query, period }, saved ? raw(saved.outerHTML) : null, note);
  });
}

function form(plan, period, current) {
  return html`<h2 class="govuk-heading-m" id="report">${current ? `Correct the ${period} update` : `Report progress for ${period}`}</h2>
    <div id="form-errors"></div>
    <form id="update-form" novalidate>
      <div class="govuk-form-group" id="status-group"><fieldset class="govuk-fieldset" aria-describedby="status-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Status</legend>
        <div id="status-hint" class="govuk-hint">This plan's own scale.</div>
        <p id="status-error" class="govuk-error-message" hidden></p>
        <div class="govuk-radios govuk-radios--small">${plan.ragScale.map((s, i) => html`<div class="govuk-radios__item">
          <input class="govuk-radios__input" id="status-${i}" name="status" type="radio" value="${s.label}"${current?.status === s.label ? html` checked` : ''}>
          <label class="govuk-label govuk-radios__label" for="status-${i}">${rag(s.label, s.colour)}</label>
          <div class="govuk-hint govuk-radios__hint">${s.meaning}${s.behindPlan ? ' (behind plan: explain why)' : ''}</div></div>`)}</div>
      </fieldset></div>
      <div class="govuk-form-group" id="commentary-group"><label class="govuk-label govuk-label--s" for="commentary">Commentary</label>
        <p id="commentary-error" class="govuk-error-message" hidden></p>
        <textarea class="govuk-textarea" id="commentary" name="commentary" rows="3">${current?.commentary ?? ''}</textarea></div>
      <div class="govuk-form-group" id="explanation-group"><label class="govuk-label govuk-label--s" for="explanation">Why it is behind plan</label>
        <div id="explanation-hint" class="govuk-hint">Required when the status is a behind-plan one.</div>
        <p id="explanation-error" class="govuk-error-message" hidden></p>
        <textarea class="govuk-textarea" id="explanation" name="explanation" rows="3" aria-describedby="explanation-hint">${current?.explanation ?? ''}</textarea></div>
      ${current ? html`<div class="govuk-form-group" id="reason-group"><label class="govuk-label govuk-label--s" for="reason">Why the ${period} update is being corrected</label>
        <p id="reason-error" class="govuk-error-message" hidden></p>
        <input class="govuk-input" id="reason" name="reason"></div>` : ''}
      <button type="submit" class="govuk-button" id="submit-update">${current ? 'Save correction' : 'Submit update'}</button>
    </form>`;
}

const FIELDS = ['status', 'commentary', 'explanation', 'reason'];

function wireForm(main, a, period, current) {
  const updateForm = main.querySelector('#update-form');
  updateForm.addEventListener('input', () => { updateForm.dataset.dirty = 'true'; });
  updateForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.target));
    const text = (name) => (values[name] ?? '').trim() || null;
    const { data, errors } = current
      ? await graphql(CORRECT, { input: { id: current.id, reason: text('reason') ?? '', status: values.status, commentary: text('commentary'), explanation: text('explanation') } })
      : await graphql(SUBMIT, { input: { activityId: a.id, period, status: values.status ?? '', commentary: text('commentary'), explanation: text('explanation') } });
    if (errors.length === 0 && data) {
      const saved = data.submitProgressUpdate?.update ?? data.correctProgressUpdate?.update;
      await activity(main, [a.id], { period }, html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" data-testid="saved">
        <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title">Success</h2></div>
        <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${saved.status} saved for ${saved.period}
        (revision ${saved.revision}). <a class="govuk-notification-banner__link" href="${href('plan', a.planId, { period })}">See the plan's counts</a>.</p></div></div>`);
      main.querySelector('[data-testid="saved"]')?.focus();
      return;
    }
    showErrors(main, errors);
  });
}

/** Each error beside the field it names (extensions.field, such as explanation or input.explanation), and in a summary. */
function showErrors(main, errors) {
  FIELDS.forEach((name) => {
    const group = main.querySelector(`#${name}-group`);
    group?.classList.remove('govuk-form-group--error');
    const message = main.querySelector(`#${name}-error`);
    if (message) message.hidden = true;
  });
  const items = errors.map((error) => {
    const field = String(error.extensions?.field ?? '').split('.').pop();
    const group = FIELDS.includes(field) ? main.querySelector(`#${field}-group`) : null;
    if (group) {
      group.classList.add('govuk-form-group--error');
      const message = main.querySelector(`#${field}-error`);
      message.innerHTML = html`<span class="govuk-visually-hidden">Error:</span> ${error.message}`.toString();
      message.hidden = false;
      const control = group.querySelector('textarea, input:not([type=radio])') ?? group.querySelector('fieldset');
      const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      if (!described.includes(`${field}-error`)) control.setAttribute('aria-describedby', [...described, `${field}-error`].join(' '));
      return html`<li><a href="#${field === 'status' ? 'status-0' : field}">${error.message}</a></li>`;
    }
    return html`<li>${error.message}</li>`;
  });
  const summary = main.querySelector('#form-errors');
  summary.innerHTML = html`<div class="govuk-error-summary" tabindex="-1" data-testid="error-summary"><div role="alert">
    <h2 class="govuk-error-summary__title">There is a problem</h2>
    <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${items}</ul></div></div></div>`.toString();
  summary.firstElementChild.focus();
  summary.querySelectorAll('a[href^="#"]').forEach((link) => link.addEventListener('click', (e) => {
    e.preventDefault();
    main.querySelector(link.getAttribute('href'))?.focus();
  }));
}

// Helpers shared by the pages.
import { html, escape } from './html.js';

export function show(main, title, ...parts) {
  document.title = `${title} - CivicGraph`;
  main.innerHTML = parts.map(escape).join('');
}

/** A RAG status as the plan colours it: swatch and label, so colour is never the only cue. */
export function rag(label, colour) {
  if (!label) return html`<span class="govuk-hint govuk-!-margin-0">Not reported</span>`;
  return html`<span class="cg-rag" style="background:${/^#[0-9a-fA-F]{6}$/.test(colour ?? '') ? colour : '#b1b4b6'}" aria-hidden="true"></span>${label}`;
}

/** Counts per status of the plan's scale, then those not reported. */
export function ragCounts(counts) {
  return html`<ul class="cg-counts" data-testid="rag-counts">
    ${counts.statuses.map((s) => html`<li data-status="${s.label}">${rag(s.label, s.colour)}: <strong>${s.count}</strong></li>`)}
    <li data-status="not-reported">Not reported: <strong>${counts.notReported}</strong></li></ul>`;
}

export function summaryList(rows) {
  return html`<dl class="govuk-summary-list">${rows.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt>
      <dd class="govuk-summary-list__value">${value}</dd></div>`)}</dl>`;
}

export function words(enumValue) {
  if (!enumValue) return '';
  const text = String(enumValue).replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function nodes(connection) {
  return connection?.edges?.map((edge) => edge.node) ?? [];
}

/** A <select> that navigates when changed, inside a GET-less form with a button for users without pointer. */
export function periodSelect(id, periods, selected) {
  return html`<div class="govuk-form-group"><label class="govuk-label" for="${id}">Reporting period</label>
    <select class="govuk-select" id="${id}" name="period">
    ${periods.map((p) => html`<option value="${p}"${p === selected ? html` selected` : ''}>${p}</option>`)}</select></div>`;
}

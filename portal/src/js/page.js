// Helpers shared by the pages.
import { html, href, escape } from './html.js';

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

export const PAGE_SIZE = 20;

/**
 * Where a cursor-paged list is: the cursor of this page (after) and the cursors of the pages before it but the first
 * (trail), both kept in the route so that Previous, Next, reload and the back button all work.
 */
export function pagePosition(query) {
  const trail = query.trail ? query.trail.split(',') : [];
  const after = query.after || null;
  return { after, trail, number: after ? trail.length + 2 : 1 };
}

/** GOV.UK pagination: Previous and Next for a list read with first/after; the API's pageInfo says if there is more. */
export function pager(route, params, position, pageInfo) {
  const { after, trail, number } = position;
  const previous = after ? href(...route, { ...params, after: trail.at(-1), trail: trail.slice(0, -1).join(',') }) : null;
  const next = pageInfo?.hasNextPage ? href(...route, { ...params, after: pageInfo.endCursor, trail: (after ? [...trail, after] : trail).join(',') }) : null;
  if (!previous && !next) return '';
  return html`<nav class="govuk-pagination" aria-label="Pages of results" data-testid="pager">
    ${previous ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${previous}" rel="prev">
      <svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>
      <span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>` : ''}
    <ul class="govuk-pagination__list"><li class="govuk-pagination__item govuk-pagination__item--current">
      <a class="govuk-link govuk-pagination__link" href="${href(...route, { ...params, after, trail: trail.join(',') })}" aria-label="Page ${number}" aria-current="page">${number}</a></li></ul>
    ${next ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${next}" rel="next">
      <span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>
      <svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg></a></div>` : ''}
  </nav>`;
}

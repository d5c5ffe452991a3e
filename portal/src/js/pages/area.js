// Area profile: indicators against England as a chart, the positive and negative lists, and the activities,
// contracts and partners serving the area. Four requests at once; each part says so when its service is missing.
import { graphql, missingNote } from '../api.js';
import { html, href } from '../html.js';
import { show, nodes, words } from '../page.js';
import { followRecord, liveRegion } from '../live.js';

const INDICATORS = `query($code: ID!) { area(code: $code) { code name type ancestors { code name }
  profile { benchmark method
    indicators { indicator { id name unit polarity } latest { value period { label } }
                 comparison { benchmarkValue outcome } trend { assessment direction } }
    positive { indicator { id name } } negative { indicator { id name } } } } }`;
const PARTNERS_AND_PLANS = `query($code: ID!) { areaProfile(code: $code) {
  partners { organisation { id name type } via inherited } plans { plan { id title } via inherited } } }`;
const CONTRACTS = `query($code: ID!) { contractsServingArea(area: $code, first: 50) { edges { node {
  recordedFor inherited contract { id service provider latestRating { label } } } } } }`;
const ACTIVITIES = `query($code: ID!) { activities(filter: {area: $code}, first: 50) { pageInfo { hasNextPage } edges { node { id planId reference description } } } }`;

const OUTCOME_CLASS = { BETTER: 'better', SIMILAR: 'similar', WORSE: 'worse' };
const TREND = { GETTING_BETTER: '↗ Getting better', GETTING_WORSE: '↘ Getting worse', NO_CHANGE: '→ No change', NO_JUDGEMENT: 'No judgement' };
const UNIT = { PERCENTAGE: '%', RATE_PER_1000: ' per 1,000', RATE_PER_10000: ' per 10,000', RATE_PER_100000: ' per 100,000', POUNDS: '', MINUTES: ' min', DAYS: ' days', COUNT: '', RATING_0_10: '/10' };

function number(value, unit) {
  if (value === null || value === undefined) return '–';
  const text = Number(value).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return unit === 'POUNDS' ? `£${text}` : text + (UNIT[unit] ?? '');
}

export async function areaProfile(main, [code], query, liveNote) {
  if (!code) {
    const { data, errors } = await graphql('{ areas(filter: {type: DISTRICT}, first: 50) { edges { node { code name } } } }');
    show(main, 'Areas', html`<h1 class="govuk-heading-l">Areas</h1>${missingNote(errors, 'The list of areas')}
      <ul class="govuk-list">${nodes(data?.areas).map((a) => html`<li><a class="govuk-link" href="${href('area', a.code)}">${a.name}</a></li>`)}</ul>`);
    return;
  }
  const [indicators, view, contracts, activities] = await Promise.all([
    graphql(INDICATORS, { code }), graphql(PARTNERS_AND_PLANS, { code }), graphql(CONTRACTS, { code }), graphql(ACTIVITIES, { code })]);
  const area = indicators.data?.area;
  const profile = area?.profile;
  const entries = profile?.indicators ?? [];
  show(main, `${area?.name ?? code} area profile`, html`
    <span class="govuk-caption-l">Area profile · ${code}</span>
    <h1 class="govuk-heading-l">${area?.name ?? code}</h1>
    ${liveRegion(liveNote)}
    ${area ? html`<p class="govuk-body">${words(area.type)} in ${area.ancestors.map((a) => a.name).join(', ')}.</p>` : ''}
    <h2 class="govuk-heading-m">Indicators compared with ${profile?.benchmark === 'E92000001' ? 'England' : profile?.benchmark ?? 'England'}</h2>
    ${missingNote(indicators.errors, 'Indicators')}
    ${profile ? html`
      <p class="govuk-body-s">Method: ${words(profile.method)} (5% either side of England's value counts as similar).
        Each row shows ${area.name}'s latest value (coloured bar) above England's (grey bar), on the same scale.</p>
      <p class="cg-legend"><span class="cg-rag" style="background:#00703c"></span>Better
        <span class="cg-rag" style="background:#ffdd00"></span>Similar <span class="cg-rag" style="background:#d4351c"></span>Worse
        <span class="cg-rag" style="background:#1d70b8"></span>Higher or lower, no judgement</p>
      <table class="govuk-table cg-chart" data-testid="indicator-chart">
        <caption class="govuk-table__caption govuk-visually-hidden">Indicators for ${area.name} against the benchmark</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Indicator</th><th scope="col" class="govuk-table__header">${area.name} and England</th>
          <th scope="col" class="govuk-table__header">Compared with England</th><th scope="col" class="govuk-table__header">Trend</th></tr></thead>
        <tbody class="govuk-table__body">${entries.map((e) => {
          const value = e.latest.value ?? 0;
          const benchmark = e.comparison.benchmarkValue ?? 0;
          const max = Math.max(Math.abs(value), Math.abs(benchmark)) || 1;
          return html`<tr class="govuk-table__row cg-outcome--${OUTCOME_CLASS[e.comparison.outcome] ?? 'other'}">
            <th scope="row" class="govuk-table__header govuk-!-font-weight-regular">${e.indicator.name}
              <span class="govuk-hint govuk-!-font-size-14 govuk-!-margin-0">${e.latest.period.label}</span></th>
            <td class="govuk-table__cell cg-bars">
              <div class="cg-bar cg-bar--value" style="width:${(Math.abs(value) / max * 100).toFixed(1)}%"></div>
              <div class="cg-bar cg-bar--benchmark" style="width:${(Math.abs(benchmark) / max * 100).toFixed(1)}%"></div>
              <span class="govuk-body-s">${number(e.latest.value, e.indicator.unit)} (England ${number(e.comparison.benchmarkValue, e.indicator.unit)})</span></td>
            <td class="govuk-table__cell">${words(e.comparison.outcome)}</td>
            <td class="govuk-table__cell">${TREND[e.trend.assessment] || words(e.trend.direction) || 'Too few points'}</td></tr>`;
        })}</tbody></table>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half"><h3 class="govuk-heading-s">Positive</h3>
          <ul class="govuk-list govuk-list--bullet" data-testid="positive">${profile.positive.map((e) => html`<li>${e.indicator.name}</li>`)}</ul></div>
        <div class="govuk-grid-column-one-half"><h3 class="govuk-heading-s">Negative</h3>
          <ul class="govuk-list govuk-list--bullet" data-testid="negative">${profile.negative.map((e) => html`<li>${e.indicator.name}</li>`)}</ul></div>
      </div>` : ''}
    <h2 class="govuk-heading-m">Plans and activities</h2>
    ${missingNote([...view.errors.filter((e) => e.path?.[1] === 'plans'), ...activities.errors], 'Plans and activities')}
    <ul class="govuk-list">${(view.data?.areaProfile?.plans ?? []).map((p) => html`<li><a class="govuk-link" href="${href('plan', p.plan.id)}">${p.plan.title}</a>
      ${p.inherited ? html`<span class="govuk-hint govuk-!-display-inline">(covers ${p.via})</span>` : ''}</li>`)}</ul>
    <ul class="govuk-list govuk-list--bullet">${nodes(activities.data?.activities).map((a) => html`<li><a class="govuk-link" href="${href('activity', a.id)}">${a.reference}</a> ${a.description}</li>`)}</ul>
    ${activities.data?.activities?.pageInfo?.hasNextPage ? html`<p class="govuk-body-s"><a class="govuk-link" href="${href('activities', { area: code })}">All activities in ${area?.name ?? code}, page by page</a></p>` : ''}
    <h2 class="govuk-heading-m">Contracts serving ${area?.name ?? code}</h2>
    ${missingNote(contracts.errors, 'Contracts')}
    <ul class="govuk-list">${nodes(contracts.data?.contractsServingArea).map((c) => html`<li>
      <a class="govuk-link" href="${href('contract', c.contract.id)}">${c.contract.service}</a> · ${c.contract.provider}
      ${c.contract.latestRating ? html` · rated ${c.contract.latestRating.label}` : ''}${c.inherited ? html` <span class="govuk-hint govuk-!-display-inline">(recorded for ${c.recordedFor})</span>` : ''}</li>`)}</ul>
    <h2 class="govuk-heading-m">Partners</h2>
    ${missingNote(view.errors.filter((e) => e.path?.[1] !== 'plans'), 'Partners')}
    <ul class="govuk-list">${(view.data?.areaProfile?.partners ?? []).map((p) => html`<li><a class="govuk-link" href="${href('organisation', p.organisation.id)}">${p.organisation.name}</a>
      ${p.inherited ? html`<span class="govuk-hint govuk-!-display-inline">(serves ${p.via})</span>` : ''}</li>`)}</ul>`);
  // every change concerning the area: its indicators' values, activities, contracts and partners serving it
  followRecord(`area:${code}`, { areas: [code] }, () => true, (change, note) => areaProfile(main, [code], query, note));
}

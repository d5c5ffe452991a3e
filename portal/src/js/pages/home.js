// The public start page: what anyone may read without signing in. Signed-in users start at Needs attention.
import * as session from '../session.js';
import { graphql, missingNote } from '../api.js';
import { html, href } from '../html.js';
import { show, nodes } from '../page.js';
import { navigate } from '../app.js';

export async function home(main) {
  if (session.current()) {
    navigate('#/attention');
    return;
  }
  const { data, errors } = await graphql('{ areas(filter: {parentCode: "E10000019"}, first: 20) { edges { node { code name } } } }');
  show(main, 'Shared plans, contracts, indicators and partners', html`
    <h1 class="govuk-heading-xl">Shared plans, contracts, indicators and partners</h1>
    <p class="govuk-body-l">Councils, the NHS and their partners run their shared plans here. Anyone may read what is public;
      <a class="govuk-link" href="${href('sign-in')}">sign in</a> to see internal records and report progress.</p>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half">
        <h2 class="govuk-heading-m">Areas</h2>
        ${missingNote(errors, 'The list of areas')}
        <ul class="govuk-list">${nodes(data?.areas).map((a) => html`<li><a class="govuk-link" href="${href('area', a.code)}">${a.name}</a></li>`)}</ul>
      </div>
      <div class="govuk-grid-column-one-half">
        <h2 class="govuk-heading-m">Browse</h2>
        <ul class="govuk-list">
          <li><a class="govuk-link" href="${href('plans')}">Plans and their progress</a></li>
          <li><a class="govuk-link" href="${href('contracts')}">Contract decisions calendar</a></li>
          <li><a class="govuk-link" href="${href('partners')}">Partner directory</a></li>
        </ul>
      </div>
    </div>`);
}

// Browser scenarios for the portal, in Debian's headless Chromium driven by playwright-core, against a running
// stack. infra/local-stack's PortalBrowserTest starts the stack, runs each scenario as
//   node e2e/portal.e2e.mjs <scenario>
// with PORTAL_URL, ISSUER_URL and OUT (screenshots, accessibility results) set, and stops services in between.
// A scenario prints what it checks and exits non-zero on the first failure. Nothing but loopback is contacted:
// any other request the page makes fails the scenario.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const PORTAL = process.env.PORTAL_URL.replace(/\/$/, '');
const ISSUER = process.env.ISSUER_URL.replace(/\/$/, '');
const OUT = process.env.OUT ?? join(here, '..', 'target', 'e2e');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const STATE = join(OUT, 'state.json');
const PERIOD = '2021/22 Q2';
mkdirSync(OUT, { recursive: true });

const log = (message) => console.log(`  ${message}`);

// ---- the API, for set-up and for checks the page cannot make -------------------------------------------------

async function token(organisation, roles) {
  const answer = await fetch(`${ISSUER}/token?organisation=${organisation}&roles=${roles}&subject=e2e@${organisation}`).then((r) => r.json());
  return answer.access_token;
}

async function graphql(query, variables, bearer) {
  const response = await fetch(`${PORTAL}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function history(activityId, bearer) {
  const answer = await graphql('query($id: ID!) { activityHistory(activityId: $id, first: 10) { edges { node { id status } } } }', { id: activityId }, bearer);
  assert.deepEqual(answer.errors ?? [], [], JSON.stringify(answer.errors));
  return answer.data.activityHistory.edges.map((e) => e.node);
}

// ---- the browser ------------------------------------------------------------------------------------------------

async function withBrowser(run) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-domain-reliability', '--no-pings', '--metrics-recording-only'],
  });
  const outside = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (['127.0.0.1', 'localhost'].includes(url.hostname) || url.protocol === 'data:') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    await run(context);
    assert.deepEqual(outside, [], `the portal asked for something outside this machine: ${outside.join(', ')}`);
  } finally {
    await browser.close();
  }
}

async function open(page, route) {
  await page.goto(`${PORTAL}/#/${route}`);
  await page.waitForSelector('main:not([aria-busy])');
  await page.waitForFunction(() => !document.querySelector('main').textContent.includes('Loading…'));
}

async function go(page, route) {
  await page.evaluate((to) => { location.hash = to; }, `#/${route}`);
  await page.waitForFunction(() => !document.querySelector('main').hasAttribute('aria-busy'));
  await page.waitForTimeout(100);
  await page.waitForFunction(() => !document.querySelector('main').hasAttribute('aria-busy'));
}

/** Saves a screenshot and runs axe-core on the page; serious and critical violations fail the scenario. */
async function check(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  await page.screenshot({ path: join(OUT, `${name}.top.png`) }); // the first screenful, as the README shows it
  await page.addScriptTag({ content: readFileSync(join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const summary = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  writeFileSync(join(OUT, `${name}.axe.json`), JSON.stringify(summary, null, 2));
  const serious = summary.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  log(`${name}: screenshot saved; axe-core ${result.testEngine.version}: ${summary.length} violations, ${serious.length} serious or critical`);
  assert.deepEqual(serious, [], `accessibility violations on ${name}: ${JSON.stringify(serious)}`);
}

async function signIn(page, organisation, role) {
  await open(page, 'sign-in');
  await page.selectOption('#organisation', organisation);
  await page.check(`#role-${role}`);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid="signed-in-as"]');
  await page.waitForFunction(() => location.hash.startsWith('#/attention') && !document.querySelector('main').hasAttribute('aria-busy'));
  await page.waitForSelector('h1:has-text("Needs attention")');
}

async function count(page, label) {
  return Number(await page.locator(`[data-testid="plan-counts"] li[data-status="${label}"] strong`).textContent());
}

/**
 * An OpenID Connect provider on loopback for the sign-in scenario: discovery, an authorization endpoint that signs the
 * user in at once and sends them back with a code, and a token endpoint that checks the PKCE verifier against the
 * challenge and then hands out a token of the stack's development issuer (the one the gateway accepts).
 */
async function fakeProvider(organisation, roles) {
  const codes = new Map();
  const seen = { authorizations: [], exchanges: [] };
  const server = createServer(async (request, response) => {
    const base = `http://127.0.0.1:${server.address().port}`;
    const url = new URL(request.url, base);
    const reply = (status, body, headers = {}) => {
      response.writeHead(status, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type, Accept', ...headers });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (request.method === 'OPTIONS') return reply(204);
    if (url.pathname === '/.well-known/openid-configuration') {
      return reply(200, { issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token` }, { 'Content-Type': 'application/json' });
    }
    if (url.pathname === '/authorize') {
      const params = Object.fromEntries(url.searchParams);
      seen.authorizations.push(params);
      const code = `code-${codes.size + 1}`;
      codes.set(code, params);
      const back = new URL(params.redirect_uri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', params.state);
      return reply(302, undefined, { Location: back.toString() });
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      const form = Object.fromEntries(new URLSearchParams(body));
      const asked = codes.get(form.code);
      codes.delete(form.code);
      const verified = !!asked && createHash('sha256').update(form.code_verifier ?? '').digest('base64url') === asked.code_challenge
        && form.redirect_uri === asked.redirect_uri && form.client_id === asked.client_id && form.grant_type === 'authorization_code';
      seen.exchanges.push({ ...form, verified });
      if (!verified) return reply(400, { error: 'invalid_grant' }, { 'Content-Type': 'application/json' });
      return reply(200, { access_token: await token(organisation, roles), token_type: 'Bearer' }, { 'Content-Type': 'application/json' });
    }
    return reply(404, { error: 'not_found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { issuer: `http://127.0.0.1:${server.address().port}`, seen, close: () => server.close() };
}

// ---- scenarios --------------------------------------------------------------------------------------------------

const scenarios = {
  /** A Boston editor reports progress: a behind-plan status without explanation is refused, then accepted. */
  async 'district-editor-reports-progress'() {
    const boston = await token('boston-bc', 'editor');
    const planId = `boston-bc-portal-e2e-${Date.now()}`;
    const created = await graphql(`mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }`, { input: {
      id: planId, ownerOrganisation: 'boston-bc', title: 'Boston Borough Council town plan', kind: 'STRATEGY', period: '2021-2025',
      areas: ['E07000136'], themeLabel: 'Priority', objectiveLabel: 'Objective',
      themes: [{ key: 'town-centre', title: 'A thriving town centre', objectives: [{ key: 'market-place', title: 'Bring the market place back to life' }] }],
    } }, boston);
    assert.deepEqual(created.errors ?? [], [], JSON.stringify(created.errors));
    for (const [reference, description] of [['A1', 'Reopen the covered market'], ['A2', 'Run a monthly food festival']]) {
      const activity = await graphql(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } } }`,
        { input: { planId, reference, objective: 'market-place', description, leadOrganisation: 'boston-bc', areas: ['E07000136'] } }, boston);
      assert.deepEqual(activity.errors ?? [], [], JSON.stringify(activity.errors));
    }
    const a1 = `${planId}/A1`;
    writeFileSync(STATE, JSON.stringify({ planId, a1, a2: `${planId}/A2` }));
    log(`created ${planId} with A1 and A2 through the gateway as a Boston editor`);

    await withBrowser(async (context) => {
      const page = await context.newPage();
      await signIn(page, 'boston-bc', 'editor');
      await go(page, `attention?period=${encodeURIComponent(PERIOD)}`);
      await page.waitForSelector(`a[href^="#/plan/${planId}"]`);
      const notReported = page.locator(`[data-plan="${planId}"] [data-testid="not-reported"] a[href^="#/activity/"]`);
      assert.equal(await notReported.count(), 2, 'A1 and A2 are listed as not reported, with links to their pages');
      log('needs attention: the new plan lists A1 and A2 as not reported, each linked to its activity page');
      await check(page, 'needs-attention');

      await go(page, `plan/${planId}?period=${encodeURIComponent(PERIOD)}`);
      await page.waitForSelector('[data-testid="plan-counts"]');
      assert.equal(await count(page, 'Red'), 0);
      assert.equal(await count(page, 'not-reported'), 2);
      log('plan page: Red 0, not reported 2');
      await check(page, 'plan');

      await go(page, `activity/${encodeURIComponent(a1)}?period=${encodeURIComponent(PERIOD)}`);
      await page.waitForSelector('#update-form');
      await page.check('input[name=status][value=Red]');
      await page.fill('#commentary', 'The roof survey found asbestos.');
      await page.click('#submit-update');
      await page.waitForSelector('#explanation-error:not([hidden])');
      const message = await page.locator('#explanation-error').textContent();
      assert.match(message, /\S/);
      assert.ok(await page.locator('#explanation-group.govuk-form-group--error').count(), 'the explanation field is marked in error');
      assert.ok(await page.locator('[data-testid="error-summary"]').isVisible());
      log(`missing explanation refused next to the field: "${message.trim()}"`);
      assert.deepEqual(await history(a1, boston), [], 'nothing was saved');
      await check(page, 'activity-error');
      await page.locator('#update-form').screenshot({ path: join(OUT, 'activity-error.form.png') });

      await page.fill('#explanation', 'Removal adds eight weeks; reopening moves to March.');
      await page.click('#submit-update');
      await page.waitForSelector('[data-testid="saved"]');
      assert.equal((await history(a1, boston)).length, 1);
      log('with the explanation the update is saved');
      await check(page, 'activity');

      await go(page, `plan/${planId}?period=${encodeURIComponent(PERIOD)}`);
      await page.waitForSelector('[data-testid="plan-counts"]');
      assert.equal(await count(page, 'Red'), 1);
      assert.equal(await count(page, 'not-reported'), 1);
      log('plan page: Red 1, not reported 1');

      // Live: someone else's update to A2 arrives over the subscription while the plan page is open.
      await page.waitForTimeout(1500); // the subscription is open
      const submitted = await graphql(`mutation($input: SubmitProgressInput!) { submitProgressUpdate(input: $input) { update { id } } }`,
        { input: { activityId: `${planId}/A2`, period: PERIOD, status: 'Green' } }, boston);
      assert.deepEqual(submitted.errors ?? [], [], JSON.stringify(submitted.errors));
      const started = Date.now();
      await page.waitForSelector('#live .govuk-notification-banner', { timeout: 30_000 });
      await page.waitForSelector('[data-testid="plan-counts"]');
      assert.equal(await count(page, 'Green'), 1);
      assert.equal(await count(page, 'not-reported'), 0);
      log(`live: the plan page updated itself ${Date.now() - started} ms after another user's update to A2, and says so`);

      // Live on the activity page: an update to A2 for the next quarter arrives while A2's page shows that quarter.
      const next = '2021/22 Q3';
      await go(page, `activity/${encodeURIComponent(`${planId}/A2`)}?period=${encodeURIComponent(next)}`);
      await page.waitForSelector('#update-form');
      assert.equal((await page.locator('[data-testid="current-status"]').textContent()).trim(), 'Not reported');
      await page.waitForTimeout(1500); // the subscription is open
      const another = await graphql(`mutation($input: SubmitProgressInput!) { submitProgressUpdate(input: $input) { update { id } } }`,
        { input: { activityId: `${planId}/A2`, period: next, status: 'Amber', commentary: 'Stalls booked for October.' } }, boston);
      assert.deepEqual(another.errors ?? [], [], JSON.stringify(another.errors));
      const sent = Date.now();
      await page.waitForSelector('#live .govuk-notification-banner', { timeout: 30_000 });
      assert.match(await page.locator('#live').textContent(), /Updated just now/);
      assert.match(await page.locator('[data-testid="current-status"]').textContent(), /Amber/);
      assert.match(await page.locator('[data-testid="history"]').textContent(), /Stalls booked for October/);
      log(`live: A2's activity page showed the new ${next} update ${Date.now() - sent} ms after it was made, and says so`);
      await check(page, 'activity-live');
    });
  },

  /** An editor of another district sees no edit control, and a forged mutation is refused by the API. */
  async 'other-district-cannot-edit'() {
    const { a1 } = JSON.parse(readFileSync(STATE, 'utf8'));
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await signIn(page, 'south-holland-dc', 'editor');
      await go(page, `activity/${encodeURIComponent(a1)}?period=${encodeURIComponent('2021/22 Q3')}`);
      await page.waitForSelector('[data-testid="read-only"]');
      assert.equal(await page.locator('#update-form').count(), 0, 'no update form');
      assert.equal(await page.locator('button:has-text("Submit update"), button:has-text("Save correction")').count(), 0);
      log('South Holland editor: no update form on a Boston activity');
    });
    const southHolland = await token('south-holland-dc', 'editor');
    const forged = await graphql(`mutation($input: SubmitProgressInput!) { submitProgressUpdate(input: $input) { update { id } } }`,
      { input: { activityId: a1, period: '2021/22 Q3', status: 'Green' } }, southHolland);
    assert.deepEqual(forged.errors.map((e) => e.extensions?.code), ['FORBIDDEN']);
    const saved = (await history(a1, southHolland)).length;
    assert.equal(saved, 1, 'still only the Boston update');
    log('forged submitProgressUpdate through the gateway: FORBIDDEN, nothing saved');
  },

  /** Without signing in: public pages, and internal fields hidden. */
  async 'public-view'() {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await open(page, '');
      await page.waitForSelector('h1:has-text("Shared plans")');
      assert.equal(await page.locator('[data-testid="signed-in-as"]').count(), 0);
      await check(page, 'public-home');

      await go(page, 'contract/domiciliary-care-cwd');
      await page.waitForSelector('[data-testid="ratings"]');
      const publicText = await page.locator('main').textContent();
      assert.ok(!publicText.includes('Corrective measures'), 'no corrective measures column for the public');
      assert.ok(!publicText.includes('Re-tender'), 'the internal corrective measure is not shown');
      log('public contract page: rating history without the internal corrective measures');
      await check(page, 'contract-public');

      await go(page, 'contracts');
      await page.waitForSelector('main h1:has-text("Contract decisions calendar")');
      await check(page, 'contracts-calendar');

      await go(page, 'area/E07000136');
      await page.waitForSelector('[data-testid="indicator-chart"] tbody tr');
      log(`area profile: ${await page.locator('[data-testid="indicator-chart"] tbody tr').count()} indicators charted against England`);
      await check(page, 'area-profile');

      await go(page, 'partners?q=Boston');
      await page.waitForSelector('[data-testid="partners"] li');
      await check(page, 'partner-directory');

      await go(page, 'organisation/boston-bc');
      await page.waitForSelector('main h1:has-text("Boston")');
      await check(page, 'organisation-360');

      await signIn(page, 'lincolnshire-cc', 'viewer');
      await go(page, 'contract/domiciliary-care-cwd');
      await page.waitForSelector('[data-testid="ratings"]');
      assert.ok((await page.locator('main').textContent()).includes('Re-tender'), 'signed in, the corrective measure is shown');
      log('signed in: the same page shows the internal corrective measures');
      await check(page, 'contract-signed-in');

      await go(page, `attention?period=${encodeURIComponent('2020/21 Q4')}&area=E10000019`);
      await page.waitForSelector('[data-testid="poorly-rated"] a[href="#/contract/domiciliary-care-cwd"]');
      const behind = await page.locator('[data-testid="behind-plan"] tbody tr').count();
      const missed = await page.locator('[data-testid="missed-targets"] tbody tr').count();
      assert.ok(behind > 0, 'activities behind plan are listed');
      assert.ok(missed > 0, 'missed targets are listed');
      assert.equal(await page.locator('[data-testid="missed-targets"] a[href="#/area/E10000019"]').count(), missed, 'each missed target links to its area');
      log(`needs attention for Lincolnshire (E10000019) in 2020/21 Q4: ${behind} behind plan, the poorly rated contract, ${missed} missed targets`);
      await check(page, 'needs-attention-area');
    });
  },

  /** Long lists a page at a time with the API's cursors: the partner directory and the activity search. */
  async 'long-lists-page-by-page'() {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await open(page, 'partners');
      await page.waitForSelector('[data-testid="pager"] a[rel="next"]');
      assert.equal(await page.locator('[data-testid="partners"] li').count(), 20);
      assert.match(await page.locator('[data-testid="partners-shown"]').textContent(), /Organisations 1 to 20/);
      assert.equal(await page.locator('[data-testid="pager"] a[rel="prev"]').count(), 0, 'no previous page on the first');
      const firstPage = await page.locator('[data-testid="partners"] li a').allTextContents();
      await page.click('[data-testid="pager"] a[rel="next"]');
      await page.waitForFunction(() => /Organisations 21 to/.test(document.querySelector('[data-testid="partners-shown"]')?.textContent ?? ''));
      const secondPage = await page.locator('[data-testid="partners"] li a').allTextContents();
      assert.equal(secondPage.filter((name) => firstPage.includes(name)).length, 0, 'page 2 repeats nothing of page 1');
      await check(page, 'partner-directory-page-2');
      await page.click('[data-testid="pager"] a[rel="prev"]');
      await page.waitForFunction(() => /Organisations 1 to 20/.test(document.querySelector('[data-testid="partners-shown"]')?.textContent ?? ''));
      assert.deepEqual(await page.locator('[data-testid="partners"] li a').allTextContents(), firstPage);
      log(`partner directory: 20 a page, Next then Previous; page 2 had ${secondPage.length} others`);

      await go(page, 'activities?organisation=lincolnshire-cc');
      await page.waitForSelector('[data-testid="activities"] tbody tr');
      assert.equal(await page.locator('[data-testid="activities"] tbody tr').count(), 20);
      const seen = new Set(await page.locator('[data-testid="activities"] tbody tr td:first-child a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))));
      let pages = 1;
      while (await page.locator('[data-testid="pager"] a[rel="next"]').count()) {
        await page.click('[data-testid="pager"] a[rel="next"]');
        pages += 1;
        await page.waitForFunction((n) => new RegExp(`Activities ${(n - 1) * 20 + 1} to`).test(document.querySelector('[data-testid="activities-shown"]')?.textContent ?? ''), pages);
        const links = await page.locator('[data-testid="activities"] tbody tr td:first-child a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
        links.forEach((link) => { assert.ok(!seen.has(link), `${link} shown twice`); seen.add(link); });
      }
      assert.ok(pages >= 2, 'more than one page of Lincolnshire activities');
      assert.match(await page.locator('[data-testid="activities-shown"]').textContent(), new RegExp(`of ${seen.size}`));
      log(`activity search for lincolnshire-cc: ${seen.size} activities on ${pages} pages, none twice`);
      await check(page, 'activities');
    });
  },

  /** On a plan that requires approval, an admin of its owner publishes a draft; an editor sees it but no control. */
  async 'approver-publishes-draft'() {
    const editor = await token('boston-bc', 'editor');
    const planId = `boston-bc-approval-e2e-${Date.now()}`;
    const created = await graphql(`mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id requiresApproval } } }`, { input: {
      id: planId, ownerOrganisation: 'boston-bc', title: 'Boston Borough Council leisure plan', kind: 'STRATEGY', period: '2021-2025',
      areas: ['E07000136'], requiresApproval: true,
      themes: [{ key: 'leisure', title: 'Leisure for everyone', objectives: [{ key: 'pools', title: 'Pools open all year' }] }],
    } }, editor);
    assert.deepEqual(created.errors ?? [], [], JSON.stringify(created.errors));
    const made = await graphql(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } } }`,
      { input: { planId, reference: 'L1', objective: 'pools', description: 'Reopen the Geoff Moulder pool', leadOrganisation: 'boston-bc' } }, editor);
    assert.deepEqual(made.errors ?? [], [], JSON.stringify(made.errors));
    const activityId = `${planId}/L1`;
    const draft = await graphql(`mutation($input: SubmitProgressInput!) { submitProgressUpdate(input: $input) { update { id state } } }`,
      { input: { activityId, period: PERIOD, status: 'Green', commentary: 'Tiles replaced.' } }, editor);
    assert.deepEqual(draft.errors ?? [], [], JSON.stringify(draft.errors));
    assert.equal(draft.data.submitProgressUpdate.update.state, 'DRAFT');
    assert.deepEqual(await history(activityId, null), [], 'the public sees no draft');
    log(`created ${planId} (requires approval) with a draft update for L1 from a Boston editor`);

    await withBrowser(async (context) => {
      const page = await context.newPage();
      const route = `activity/${encodeURIComponent(activityId)}?period=${encodeURIComponent(PERIOD)}`;
      await signIn(page, 'boston-bc', 'editor');
      await go(page, route);
      await page.waitForSelector('[data-testid="history"] .govuk-tag:has-text("Draft")');
      assert.equal(await page.locator('[data-publish]').count(), 0, 'an editor has no publish control');
      log('Boston editor: sees the draft, no publish control');

      const southHolland = await token('south-holland-dc', 'admin');
      const forged = await graphql(`mutation($input: PublishProgressInput!) { publishProgressUpdate(input: $input) { update { id } } }`,
        { input: { id: draft.data.submitProgressUpdate.update.id } }, southHolland);
      assert.deepEqual(forged.errors?.map((e) => e.extensions?.code), ['FORBIDDEN']);
      assert.deepEqual(await history(activityId, null), [], 'still a draft');
      log('a forged publishProgressUpdate by a South Holland admin: FORBIDDEN, still a draft');

      await signIn(page, 'boston-bc', 'admin');
      await go(page, route);
      await page.waitForSelector('[data-publish]');
      assert.equal(await page.locator('[data-publish]').count(), 1);
      assert.match(await page.locator('[data-testid="approval-note"]').textContent(), /1 draft is waiting for you to publish/);
      assert.match(await page.locator('dd:has([data-testid="current-status"])').textContent(), /Draft \(publish it under History\)/);
      await check(page, 'activity-draft');
      await page.click('[data-publish]');
      await page.waitForSelector('[data-testid="published"]');
      assert.equal(await page.locator('[data-testid="history"] .govuk-tag:has-text("Draft")').count(), 0, 'no draft left');
      assert.equal(await page.locator('[data-publish]').count(), 0);
      assert.doesNotMatch(await page.locator('dd:has([data-testid="current-status"])').textContent(), /Draft/);
      assert.deepEqual((await history(activityId, null)).map((u) => u.status), ['Green'], 'the public now sees the update');
      log('Boston admin: published the draft from the activity page; the public now sees it');
      await check(page, 'activity-published');
    });
  },

  /**
   * Sign-in through an OpenID Connect provider, as in production: the portal is told (as the gateway tells it when
   * CIVICGRAPH_PORTAL_OIDC_CLIENT_ID is set) to use a provider on loopback, goes there with a PKCE challenge, comes
   * back with a code and trades it with the verifier for a token; a forged return is refused.
   */
  async 'provider-sign-in'() {
    const provider = await fakeProvider('boston-bc', 'editor');
    try {
      await withBrowser(async (context) => {
        await context.route('**/portal-config.json', (route) => route.fulfill({ contentType: 'application/json',
          body: JSON.stringify({ issuer: ISSUER, developmentSignIn: false, oidc: { issuer: provider.issuer, clientId: 'civicgraph-portal', scope: 'openid profile' } }) }));
        const page = await context.newPage();
        await open(page, 'sign-in');
        await page.waitForSelector('#provider-sign-in');
        assert.equal(await page.locator('#organisation').count(), 0, 'no development sign-in');
        await check(page, 'sign-in-provider');
        await page.click('#provider-sign-in');
        await page.waitForSelector('[data-testid="signed-in-as"]');
        await page.waitForSelector('h1:has-text("Needs attention")');
        assert.match(await page.locator('[data-testid="signed-in-as"]').textContent(), /boston-bc \(editor\)/);
        assert.equal(new URL(page.url()).search, '', 'the code is taken out of the address');
        const [asked] = provider.seen.authorizations;
        assert.equal(asked.code_challenge_method, 'S256');
        assert.equal(asked.client_id, 'civicgraph-portal');
        assert.equal(asked.redirect_uri, `${PORTAL}/`);
        assert.deepEqual(provider.seen.exchanges.map((e) => e.verified), [true]);
        log('signed in through the provider: S256 challenge sent, code traded with the matching verifier, Needs attention shown as boston-bc editor');

        const forgedPage = await context.newPage();
        await forgedPage.goto(`${PORTAL}/?code=code-1&state=not-the-one-sent`);
        await forgedPage.waitForSelector('[data-testid="sign-in-problem"]');
        assert.equal(await forgedPage.locator('[data-testid="signed-in-as"]').count(), 0);
        assert.equal(provider.seen.exchanges.length, 1, 'no code exchanged for a forged return');
        log('a return with a state the portal did not send: refused, no token asked for');
      });
    } finally {
      provider.close();
    }
  },

  /** With contracts-service stopped, the area profile shows the rest and says which part is missing. */
  async 'stopped-service'() {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await open(page, 'area/E07000136');
      await page.waitForSelector('[data-missing="contracts"]');
      const note = await page.locator('[data-missing="contracts"]').textContent();
      assert.match(note, /Contracts cannot be shown/);
      assert.ok(await page.locator('[data-testid="indicator-chart"] tbody tr').count() > 0, 'the indicators are still shown');
      assert.equal(await page.locator('[data-missing]').count(), 1, 'only the contracts part is missing');
      log(`area profile without contracts-service: "${note.replace(/\s+/g, ' ').trim()}"`);
      await check(page, 'area-profile-partial');
    });
  },
};

const name = process.argv[2];
if (!scenarios[name]) {
  console.error(`Scenarios: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
console.log(`portal scenario ${name}`);
try {
  await scenarios[name]();
  console.log(`portal scenario ${name}: passed`);
} catch (e) {
  console.error(`portal scenario ${name}: FAILED\n${e.stack ?? e}`);
  process.exit(1);
}

// The portal's OpenID Connect helpers, in node: PKCE as RFC 7636 defines it, the authorization request, and the
// code exchange against a token endpoint that checks the verifier as a provider does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { base64url, randomToken, challengeFor, discover, authorizationRequest, start, finish } from '../src/js/oidc.js';

function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, String(v)), removeItem: (k) => items.delete(k) };
}

/** A provider at https://id.example.org: discovery, and a token endpoint that checks the code and the PKCE verifier. */
function provider() {
  const issued = new Map(); // code -> challenge
  const requests = [];
  const fetchImpl = async (url, init = {}) => {
    requests.push({ url, init });
    if (url === 'https://id.example.org/.well-known/openid-configuration') {
      return Response.json({ issuer: 'https://id.example.org', authorization_endpoint: 'https://id.example.org/authorize', token_endpoint: 'https://id.example.org/token' });
    }
    if (url === 'https://id.example.org/token') {
      const form = new URLSearchParams(init.body);
      const challenge = issued.get(form.get('code'));
      const expected = challenge && createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
      if (form.get('grant_type') !== 'authorization_code' || !challenge || expected !== challenge) {
        return Response.json({ error: 'invalid_grant', error_description: 'code or verifier wrong' }, { status: 400 });
      }
      issued.delete(form.get('code'));
      return Response.json({ access_token: 'header.payload.signature', token_type: 'Bearer' });
    }
    return new Response('not found', { status: 404 });
  };
  /** What the provider does when the user signs in: remembers the challenge for a new code and redirects back. */
  const authorize = (authorizationUrl) => {
    const params = new URL(authorizationUrl).searchParams;
    const code = `code-${issued.size + 1}`;
    issued.set(code, params.get('code_challenge'));
    return `?code=${code}&state=${encodeURIComponent(params.get('state'))}`;
  };
  return { fetchImpl, authorize, requests };
}

test('the S256 challenge of the RFC 7636 appendix B verifier is the one the RFC gives', async () => {
  assert.equal(await challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('base64url has no padding and no + or /', () => {
  assert.equal(base64url(new Uint8Array([251, 255, 191])), '-_-_');
  assert.equal(base64url(new Uint8Array([1])), 'AQ');
});

test('a verifier is 43 characters of base64url, and each one is new', () => {
  const a = randomToken();
  const b = randomToken();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, b);
});

test('the authorization request asks for a code with an S256 challenge of the verifier it keeps', async () => {
  const { url, pending } = await authorizationRequest({ authorizationEndpoint: 'https://id.example.org/authorize?tenant=lincs',
    clientId: 'civicgraph-portal', redirectUri: 'https://portal.example.org/', scope: 'openid profile' });
  const params = new URL(url).searchParams;
  assert.equal(params.get('tenant'), 'lincs', 'the endpoint keeps its own parameters');
  assert.equal(params.get('response_type'), 'code');
  assert.equal(params.get('client_id'), 'civicgraph-portal');
  assert.equal(params.get('redirect_uri'), 'https://portal.example.org/');
  assert.equal(params.get('scope'), 'openid profile');
  assert.equal(params.get('code_challenge_method'), 'S256');
  assert.equal(params.get('code_challenge'), await challengeFor(pending.verifier));
  assert.equal(params.get('state'), pending.state);
  assert.equal(params.get('code_verifier'), null, 'the verifier never leaves the browser before the exchange');
});

test('discovery refuses a document that names another issuer', async () => {
  const fetchImpl = async () => Response.json({ issuer: 'https://evil.example.org', authorization_endpoint: 'a', token_endpoint: 't' });
  await assert.rejects(discover('https://id.example.org', fetchImpl), /names another issuer/);
});

test('start then finish trades the code and the verifier for a token, once', async () => {
  const { fetchImpl, authorize, requests } = provider();
  const storage = memoryStorage();
  const config = { issuer: 'https://id.example.org/', clientId: 'civicgraph-portal', scope: 'openid' };
  const redirect = authorize(await start(config, 'https://portal.example.org/', { storage, fetchImpl }));

  const tokens = await finish(redirect, { storage, fetchImpl });

  assert.equal(tokens.access_token, 'header.payload.signature');
  const exchange = new URLSearchParams(requests.at(-1).init.body);
  assert.equal(exchange.get('client_id'), 'civicgraph-portal');
  assert.equal(exchange.get('redirect_uri'), 'https://portal.example.org/');
  await assert.rejects(finish(redirect, { storage, fetchImpl }), /not started here, or has already been used/);
});

test('a redirect whose state is not the one sent is refused without asking for a token', async () => {
  const { fetchImpl, authorize, requests } = provider();
  const storage = memoryStorage();
  const url = await start({ issuer: 'https://id.example.org', clientId: 'portal' }, 'https://portal.example.org/', { storage, fetchImpl });
  const forged = authorize(url).replace(/state=[^&]+/, 'state=someone-elses');
  const before = requests.length;

  await assert.rejects(finish(forged, { storage, fetchImpl }), /not started here/);
  assert.equal(requests.length, before);
});

test('a code exchanged with another verifier is refused, and the error says why', async () => {
  const { fetchImpl, authorize } = provider();
  const storage = memoryStorage();
  const redirect = authorize(await start({ issuer: 'https://id.example.org', clientId: 'portal' }, 'https://portal.example.org/', { storage, fetchImpl }));
  const pending = JSON.parse(storage.getItem('civicgraph.oidc.pending'));
  storage.setItem('civicgraph.oidc.pending', JSON.stringify({ ...pending, verifier: randomToken() }));

  await assert.rejects(finish(redirect, { storage, fetchImpl }), /code or verifier wrong/);
});

test('a refusal by the provider is reported as such', async () => {
  const { fetchImpl } = provider();
  const storage = memoryStorage();
  const url = await start({ issuer: 'https://id.example.org', clientId: 'portal' }, 'https://portal.example.org/', { storage, fetchImpl });
  const state = new URL(url).searchParams.get('state');

  await assert.rejects(finish(`?error=access_denied&error_description=User+said+no&state=${state}`, { storage, fetchImpl }), /refused the sign-in: User said no/);
});

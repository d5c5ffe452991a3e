// Sign-in through an OpenID Connect provider: the authorization code flow with PKCE (RFC 7636, S256), in the browser.
// The gateway says which provider and client (/portal-config.json); the provider's discovery document gives its
// endpoints. The access token must carry the platform's `org` and `roles` claims, as the gateway requires.
// Nothing here touches the page: storage, fetch and crypto are passed in, so that node can test it.

const PENDING = 'civicgraph.oidc.pending';

/** Bytes as base64url without padding. */
export function base64url(bytes) {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A code verifier: 32 random bytes, 43 characters of base64url. Also used for state. */
export function randomToken(crypto = globalThis.crypto) {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function challengeFor(verifier, crypto = globalThis.crypto) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The provider's endpoints from its discovery document, which must name the same issuer. */
export async function discover(issuer, fetchImpl = globalThis.fetch) {
  const base = issuer.replace(/\/$/, '');
  const response = await fetchImpl(`${base}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The identity provider at ${issuer} did not answer (HTTP ${response.status}).`);
  const document = await response.json();
  if (document.issuer?.replace(/\/$/, '') !== base) throw new Error(`The identity provider at ${issuer} names another issuer: ${document.issuer}.`);
  if (!document.authorization_endpoint || !document.token_endpoint) throw new Error(`The identity provider at ${issuer} gives no authorization or token endpoint.`);
  return { authorizationEndpoint: document.authorization_endpoint, tokenEndpoint: document.token_endpoint };
}

/** The URL to send the user to, and what to keep until they come back. */
export async function authorizationRequest({ authorizationEndpoint, clientId, redirectUri, scope }, crypto = globalThis.crypto) {
  const verifier = randomToken(crypto);
  const state = randomToken(crypto);
  const url = new URL(authorizationEndpoint);
  Object.entries({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: scope || 'openid',
    state, code_challenge: await challengeFor(verifier, crypto), code_challenge_method: 'S256',
  }).forEach(([name, value]) => url.searchParams.set(name, value));
  return { url: url.toString(), pending: { verifier, state, redirectUri } };
}

/** Starts sign-in: remembers the verifier and state for this tab and returns where to send the user. */
export async function start(config, redirectUri, { storage, fetchImpl, crypto } = {}) {
  const { authorizationEndpoint, tokenEndpoint } = await discover(config.issuer, fetchImpl);
  const { url, pending } = await authorizationRequest({ authorizationEndpoint, clientId: config.clientId, redirectUri, scope: config.scope }, crypto);
  storage.setItem(PENDING, JSON.stringify({ ...pending, tokenEndpoint, clientId: config.clientId }));
  return url;
}

/**
 * Finishes sign-in when the provider sends the user back with ?code=&state= (or ?error=): checks the state, trades
 * the code and the verifier for tokens at the token endpoint, and returns them. The pending request is used once.
 */
export async function finish(search, { storage, fetchImpl = globalThis.fetch }) {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(storage.getItem(PENDING) ?? 'null');
  storage.removeItem(PENDING);
  if (!pending || params.get('state') !== pending.state) throw new Error('This sign-in was not started here, or has already been used. Sign in again.');
  if (params.get('error')) throw new Error(`The identity provider refused the sign-in: ${params.get('error_description') ?? params.get('error')}.`);
  const response = await fetchImpl(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code') ?? '', redirect_uri: pending.redirectUri,
      client_id: pending.clientId, code_verifier: pending.verifier,
    }).toString(),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) throw new Error(`The identity provider did not give a token: ${tokens.error_description ?? tokens.error ?? `HTTP ${response.status}`}.`);
  return tokens;
}

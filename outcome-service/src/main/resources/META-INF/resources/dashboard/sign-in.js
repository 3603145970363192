// Signing in to the dashboard: a token brought in the URL fragment (the local stack, deploy/local/token), or OpenID
// Connect authorisation code with PKCE against the identity provider /dashboard/sign-in.json names (production). The
// token is kept in this tab's sessionStorage only; neither it nor the code ever sits in a query string, as the
// provider answers in the fragment too (response_mode=fragment), which the page clears from the address bar at once.

const TOKEN_KEY = 'trials.dashboard.token';
/** The verifier, state and nonce of a sign-in under way: written before the redirect, gone once it returns. */
const PENDING_KEY = 'trials.dashboard.signIn';
/** Set when a refused or expired token sends the page to sign in again, so that a token refused anew stops there. */
const AGAIN_KEY = 'trials.dashboard.signInAgain';
const SETTINGS = '/dashboard/sign-in.json';
// A token this close to its expiry would lapse on the way.
const LEEWAY_MS = 10000;

export class SignInNeeded extends Error {}

let redirecting = null;

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random base64url string of n bytes' entropy (48 bytes: a verifier of 64 characters, RFC 7636 allows 43–128). */
function random(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** A JWT's claims as the page may read them: it verifies no signature, the API does. */
function claims(jwt) {
  try {
    return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return {};
  }
}

function redirectUri() {
  return `${window.location.origin}/dashboard/`;
}

async function json(url, t) {
  const response = await fetch(url, { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!response.ok) {
    throw new Error(`${t('signInFailed')}: ${url} ${response.status}`);
  }
  return response.json();
}

/** The token of this tab, or null when there is none or it has expired. */
export function currentToken() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const expiry = token ? claims(token).exp : undefined;
  if (token && typeof expiry === 'number' && expiry * 1000 <= Date.now() + LEEWAY_MS) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

/** The API took the token: a later refusal may sign in again. */
export function accepted() {
  sessionStorage.removeItem(AGAIN_KEY);
}

/**
 * Off to the identity provider; never resolves, as the page is left. Without a provider: SignInNeeded(message), the
 * way to sign in on the local stack.
 */
function redirect(t, message, again) {
  redirecting ??= (async () => {
    const settings = await json(SETTINGS, t);
    if (!settings.issuer) {
      redirecting = null;
      throw new SignInNeeded(message);
    }
    if (again) {
      sessionStorage.setItem(AGAIN_KEY, 'true');
    }
    const discovery = await json(`${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, t);
    if (discovery.issuer !== settings.issuer) {
      throw new Error(`${t('signInFailed')}: issuer ${discovery.issuer}`);
    }
    const pending = { verifier: random(48), state: random(16), nonce: random(16), clientId: settings.clientId,
      tokenEndpoint: discovery.token_endpoint };
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const url = new URL(discovery.authorization_endpoint);
    Object.entries({
      response_type: 'code', response_mode: 'fragment', client_id: settings.clientId, redirect_uri: redirectUri(),
      scope: 'openid', state: pending.state, nonce: pending.nonce,
      code_challenge: await challengeOf(pending.verifier), code_challenge_method: 'S256',
    }).forEach(([name, value]) => url.searchParams.set(name, value));
    window.location.assign(url.toString());
    return new Promise(() => {});
  })();
  return redirecting;
}

/** The provider's answer in the fragment: the code, with the verifier only this tab knows, becomes the token. */
async function redeem(fragment, t) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  if (fragment.has('error')) {
    throw new SignInNeeded(`${t('signInFailed')}: ${fragment.get('error')}`);
  }
  if (!pending || fragment.get('state') !== pending.state) {
    throw new SignInNeeded(`${t('signInFailed')}: state`);
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST', cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: fragment.get('code'), redirect_uri: redirectUri(),
      client_id: pending.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new SignInNeeded(`${t('signInFailed')}: ${response.status}`);
  }
  const answer = await response.json();
  if (!answer.access_token || (answer.id_token && claims(answer.id_token).nonce !== pending.nonce)) {
    throw new SignInNeeded(`${t('signInFailed')}: nonce`);
  }
  sessionStorage.setItem(TOKEN_KEY, answer.access_token);
}

/**
 * On opening the page: takes a token or a code from the fragment (and clears the address bar), and without a token
 * goes to the identity provider. Resolves once this tab has a token.
 */
export async function signIn(t) {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  if (window.location.hash) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  if (fragment.get('token')) {
    sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
  } else if (fragment.has('code') || fragment.has('error')) {
    await redeem(fragment, t);
  }
  if (!currentToken()) {
    await redirect(t, t('signIn'), false);
  }
}

/** The token was refused or has expired: sign in again, once; refused again, the page says so and stops. */
export async function signInAgain(t) {
  sessionStorage.removeItem(TOKEN_KEY);
  if (redirecting) {
    return redirecting;
  }
  if (sessionStorage.getItem(AGAIN_KEY)) {
    throw new SignInNeeded(t('refusedAgain'));
  }
  return redirect(t, t('expired'), true);
}

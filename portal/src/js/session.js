// Who is signed in: the token from the issuer and what it says (organisation and roles), kept for this tab only.

const KEY = 'civicgraph.session';

export function current() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) ?? null;
  } catch {
    return null;
  }
}

export function save(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clear() {
  sessionStorage.removeItem(KEY);
}

export function token() {
  return current()?.token ?? null;
}

/** Whether the signed-in user is an editor or admin of the organisation (the API checks again on every change). */
export function canEdit(organisation) {
  const session = current();
  return !!session && session.organisation === organisation && session.roles.some((r) => r === 'editor' || r === 'admin');
}

/** Whether the signed-in user is an admin of the organisation: on plans that require approval, who publishes drafts. */
export function canApprove(organisation) {
  const session = current();
  return !!session && session.organisation === organisation && session.roles.includes('admin');
}

/** Reads the claims of a JWT without verifying it: only to show who is signed in. */
export function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
}

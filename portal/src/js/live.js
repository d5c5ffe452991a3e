// Live changes: the gateway's `changes` subscription over Server-Sent Events (POST /graphql with
// Accept: text/event-stream). Signed-in users only; the returned function stops following. followRecord() keeps a
// page that shows one record up to date.
import * as session from './session.js';
import { html } from './html.js';
import { whileShown } from './app.js';

export function follow(filter, onChange) {
  const token = session.token();
  if (!token || !window.ReadableStream) return () => {};
  const controller = new AbortController();
  (async () => {
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        signal: controller.signal,
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'subscription($filter: ChangeFilter) { changes(filter: $filter) { id type subject time } }', variables: { filter } }),
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (!data) continue;
          try {
            const change = JSON.parse(data)?.data?.changes;
            if (change) onChange(change);
          } catch { /* a keep-alive or a partial message */ }
        }
      }
    } catch { /* stopped, or the gateway went away: the page still works without live updates */ }
  })();
  return () => controller.abort();
}

let followed = null; // the record the page shown follows, so that its re-renders do not follow it twice

/**
 * While the page is shown, calls onChange(change, note) for each change event that the filter lets through and
 * accept() keeps; note is a sentence for the page's live region. A page re-rendering itself calls this again with the
 * same key and keeps the one subscription.
 */
export function followRecord(key, filter, accept, onChange) {
  if (followed === key) return;
  followed = key;
  let pending = null; // several events of one change (an update and its milestones) refresh the page once
  const stop = follow(filter, (change) => {
    if (!accept(change)) return;
    clearTimeout(pending);
    pending = setTimeout(() => onChange(change, `Updated just now: ${describe(change)}.`), 250);
  });
  whileShown(() => {
    stop();
    clearTimeout(pending);
    if (followed === key) followed = null;
  });
}

/** Whether a change's subject is the record's subject or one under it (plans/p/activities/A1, not .../A10). */
export function concerns(subject) {
  return (change) => change.subject === subject || change.subject?.startsWith(`${subject}/`);
}

/** Org.civicgraph.plans.progress.submitted.v1 on plans/p/activities/A1: "progress submitted (plans/p/activities/A1)". */
export function describe(change) {
  return `${change.type.split('.').slice(-3, -1).join(' ')} (${change.subject})`;
}

/** The page's live region: present from the first render so that screen readers announce what is put in it. */
export function liveRegion(note) {
  return html`<div id="live" class="cg-live" role="status" aria-live="polite" data-testid="live">${liveBanner(note)}</div>`;
}

/** What the live region says: a success banner with the note, or nothing. */
export function liveBanner(note) {
  return note ? html`<div class="govuk-notification-banner govuk-notification-banner--success"><div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">${note}</p></div></div>` : '';
}

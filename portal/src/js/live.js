// Live changes: the gateway's `changes` subscription over Server-Sent Events (POST /graphql with
// Accept: text/event-stream). Signed-in users only; the returned function stops following.
import * as session from './session.js';

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

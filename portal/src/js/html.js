// A tagged template that escapes every value put into it, so data from the API never becomes markup.
// raw() marks markup this code built itself; arrays are joined; null, undefined and false print nothing.

class Raw {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

export const raw = (text) => new Raw(String(text));

export function escape(value) {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return value.map(escape).join('');
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => { out += escape(value) + strings[i + 1]; });
  return new Raw(out);
}

/** A link to a route of the portal: href('plan', id) is #/plan/<id>. */
export function href(...parts) {
  const [path, query] = parts.length && typeof parts[parts.length - 1] === 'object' ? [parts.slice(0, -1), parts[parts.length - 1]] : [parts, null];
  const search = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString() : '';
  return '#/' + path.map(encodeURIComponent).join('/') + (search ? '?' + search : '');
}

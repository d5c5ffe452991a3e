// Reporting periods on the UK financial year, written as the plans service writes them: 2021/22 Q2.

export function periodOf(date) {
  const month = date.getMonth(); // 0 = January
  const startYear = month >= 3 ? date.getFullYear() : date.getFullYear() - 1;
  const quarter = Math.floor(((month + 9) % 12) / 3) + 1;
  return label(startYear, quarter);
}

export function currentPeriod() {
  return periodOf(new Date());
}

function label(startYear, quarter) {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')} Q${quarter}`;
}

function parse(period) {
  const match = /^(\d{4})\/\d{2} Q([1-4])$/.exec(period ?? '');
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

/** Every quarter from first to last, newest first; without bounds, the last eight quarters up to now. */
export function quarters(first, last) {
  const end = parse(last) ?? parse(currentPeriod());
  const start = parse(first) ?? { year: end.year - 2, quarter: end.quarter };
  const out = [];
  for (let y = end.year, q = end.quarter; y > start.year || (y === start.year && q >= start.quarter); ) {
    out.push(label(y, q));
    if (--q === 0) { q = 4; y -= 1; }
    if (out.length > 40) break;
  }
  return out;
}

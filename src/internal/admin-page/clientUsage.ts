/**
 * Client script, part 5: the account's plan and usage — calls per day over the rolling window as
 * an inline SVG bar chart (built with DOM calls: the page's CSP allows no external resources),
 * refused calls and, per key, the same figures with a small chart and "last used".
 */
export const CLIENT_USAGE = String.raw`
const USAGE_FIELDS = 'plan planLimits { callsPer30Days burstPerSecond maxUserKeys } usage { from to calls refusedBurst refusedQuota remaining days { day calls refusedBurst refusedQuota } keys { keyId name kind calls refusedBurst refusedQuota lastUsedAt days { day calls } } }';
const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  for (const child of children || []) node.append(child);
  return node;
}

const limitText = (value, unit) => (value === null || value === undefined ? 'unlimited' : value.toLocaleString('en') + ' ' + unit);

/** Calls per day as bars (one per day, oldest first); each bar's title names its day and count. */
function usageChart(days, label, width, height) {
  const max = Math.max(1, ...days.map((day) => day.calls));
  const step = width / Math.max(1, days.length);
  const bars = days.map((day, i) => {
    const barHeight = day.calls === 0 ? 0 : Math.max(1, Math.round((day.calls / max) * (height - 2)));
    const title = svg('title');
    title.textContent = day.day + ': ' + day.calls + ' calls';
    return svg('rect', { x: (i * step + 0.5).toFixed(1), y: height - barHeight, width: Math.max(1, step - 1).toFixed(1), height: barHeight, class: 'bar', 'data-day': day.day, 'data-calls': day.calls }, [title]);
  });
  const baseline = svg('line', { x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5, class: 'axis' });
  return svg('svg', { width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': label, class: 'chart' }, [...bars, baseline]);
}

/** The plan and usage card of an account. */
function usagePanel(account) {
  const usage = account.usage;
  const limits = account.planLimits;
  const remaining = usage.remaining === null ? '' : ' (' + usage.remaining.toLocaleString('en') + ' left)';
  const summary = el('p', { id: 'plan-summary', text: 'Plan ' + account.plan + ': ' + limitText(limits.callsPer30Days, 'calls per 30 days') + remaining + ', burst ' + limitText(limits.burstPerSecond, 'calls per second') + ', ' + limits.maxUserKeys + ' user-defined keys.' });
  const totals = el('p', { id: 'usage-totals', text: usage.from + ' to ' + usage.to + ' (UTC): ' + usage.calls + ' calls, ' + usage.refusedBurst + ' refused over the burst (429), ' + usage.refusedQuota + ' refused over the quota (403).' });
  const chart = usageChart(usage.days, 'Calls per day of the account, ' + usage.from + ' to ' + usage.to + ': ' + usage.calls + ' in all', 600, 90);
  const rows = usage.keys.map((key) => el('tr', {}, [
    el('th', { scope: 'row', text: key.name }),
    el('td', { text: String(key.calls) }),
    el('td', { text: String(key.refusedBurst) }),
    el('td', { text: String(key.refusedQuota) }),
    el('td', { text: key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString('en') : 'never' }),
    el('td', {}, [usageChart(key.days, 'Calls per day of ' + key.name + ': ' + key.calls + ' in all', 150, 24)]),
  ]));
  const table = el('table', { className: 'usage', 'aria-label': 'Usage per key' }, [
    el('thead', {}, [el('tr', {}, ['Key', 'Calls', 'Refused 429', 'Refused 403', 'Last used', 'Per day'].map((text) => el('th', { scope: 'col', text })))]),
    el('tbody', {}, rows),
  ]);
  return el('div', {}, [summary, totals, chart, table, el('p', { className: 'muted', text: 'Figures are at most about a second old; "last used" is written at most once per hour.' })]);
}
`;

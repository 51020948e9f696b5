import { padTo, textWidth } from '../../text-width.js';

/**
 * A bordered text table like the PrettyTable output of mist.client's CLI:
 * ```
 * +-------+----+
 * | Name  | ID |
 * +-------+----+
 * | web-1 | i1 |
 * +-------+----+
 * ```
 */
export function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((r) => r.map(cell));
  const widths = headers.map((h, i) => Math.max(textWidth(h), ...cells.map((r) => textWidth(r[i] ?? ''))));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (r: readonly string[]) => `| ${r.map((c, i) => padTo(c, widths[i] as number)).join(' | ')} |`;
  return [rule, line(headers), rule, ...cells.map(line), rule].join('\n') + '\n';
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(cell).join(' -- ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v).replace(/[\r\n]+/g, ' ');
}

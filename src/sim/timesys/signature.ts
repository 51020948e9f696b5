import { encodeBase64 } from '../../crypto/encoding/base64.js';
import { hmac } from '../../crypto/hmac.js';

/** Code-point order, as the server's Python sorts. */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The signature the server expects for what it received (protocols §1.3): the raw path and every
 * received pair, keys sorted, each key's values sorted, joined as `k=v` with `&`, after the method.
 * Written independently of opskit/timesys, so the simulator checks the client rather than echoing it.
 */
export function expectedSignature(key: string, method: string, rawPath: string, pairs: readonly (readonly [string, string])[]): { message: string; signature: string } {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of pairs) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  const parts: string[] = [];
  for (const k of [...byKey.keys()].sort(byCodePoint)) for (const v of byKey.get(k)!.sort(byCodePoint)) parts.push(`${k}=${v}`);
  const message = `${method.toUpperCase()}${rawPath}${parts.join('&')}`;
  return { message, signature: encodeBase64(hmac('sha256', key.trim(), message)) };
}

import { UsageError } from '../../usage-error.js';
import type { OptionKind } from './option-table.js';

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);
const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a command-line value for an option of kind `kind`. `name` is how the option was written,
 * for messages; the value itself is quoted only for kinds that cannot hold secrets (a password or
 * key given to `--set` never appears in an error).
 * @throws UsageError naming the option and what it takes.
 */
export function parseOptionValue(kind: OptionKind, raw: string, name: string): unknown {
  switch (kind.type) {
    case 'int': {
      const text = raw.trim().replace(/_/g, '');
      const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isSafeInteger(n)) throw new UsageError(`${name} must be a whole number, got ${JSON.stringify(raw)}`);
      if (kind.min !== undefined && n < kind.min) throw new UsageError(`${name} must be at least ${kind.min}, got ${n}`);
      if (kind.max !== undefined && n > kind.max) throw new UsageError(`${name} must be at most ${kind.max.toLocaleString('en-US')}, got ${n.toLocaleString('en-US')}`);
      return n;
    }
    case 'ms': {
      const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(raw.trim());
      if (!m) throw new UsageError(`${name} must be a duration: milliseconds (1500) or with a unit (1500ms, 1.5s, 2m), got ${JSON.stringify(raw)}`);
      return Math.round(Number(m[1]) * (UNITS[m[2] ?? 'ms'] as number));
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (TRUE.has(v)) return true;
      if (FALSE.has(v)) return false;
      throw new UsageError(`${name} must be true or false, got ${JSON.stringify(raw)}`);
    }
    case 'string':
      return raw;
    case 'enum':
      if (!kind.values.includes(raw)) throw new UsageError(`${name} must be one of ${kind.values.join(', ')}, got ${JSON.stringify(raw)}`);
      return raw;
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (e) {
        // The position only: the text may carry tokens or passwords.
        throw new UsageError(`${name} must be JSON (${(e as Error).message.replace(/ in JSON at position.*$|, ".*$/, '')})`);
      }
      const isArray = Array.isArray(value);
      const isObject = typeof value === 'object' && value !== null && !isArray;
      const ok = kind.shape === 'array' ? isArray : kind.shape === 'object' ? isObject : isArray || isObject;
      if (!ok) throw new UsageError(`${name} must be a JSON ${kind.shape === 'array-or-object' ? 'array or object' : kind.shape}`);
      return value;
    }
    case 'list': {
      const text = raw.trim();
      if (text.startsWith('[')) {
        const value = parseOptionValue({ type: 'json', shape: 'array' }, text, name) as unknown[];
        if (!value.every((v) => typeof v === 'string')) throw new UsageError(`${name} must be a list of strings`);
        return value;
      }
      return text === '' ? [] : text.split(',').map((s) => s.trim());
    }
    case 'served-url':
      throw new UsageError(`${name} is set by 'sim serve' to the URL it serves on`);
    case 'internal':
      throw new UsageError(`${name} cannot be set from the command line`);
  }
}

import { ConfigError } from './errors/config-error.js';

/** Option names every opskit client takes (CoreOptions), for facades that check their own. */
export const CORE_OPTION_NAMES: readonly string[] = Object.freeze([
  'fetch', 'dryRun', 'reveal', 'retry', 'timeout', 'logger', 'now', 'signal', 'headers', 'secrets',
  'publicNames', 'sleep', 'maxResponseBytes', 'redirects',
]);

/** `group_token` → `groupToken`: the name a user of the Python client would guess first. */
export function camelCase(name: string): string {
  return name.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Edit distance, for "did you mean" hints; names are short, so the quadratic table is fine. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** The valid name a mistyped or snake_cased `name` most likely meant, if any is close. */
export function closestName(name: string, allowed: Iterable<string>, aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const names = [...allowed];
  // An alias only helps when it names an option this call really has.
  const alias = Object.prototype.hasOwnProperty.call(aliases, name) ? aliases[name] : undefined;
  if (alias !== undefined && names.includes(alias)) return alias;
  const camel = camelCase(name);
  if (names.includes(camel)) return camel;
  const lower = name.toLowerCase().replace(/[_-]/g, '');
  const sameLetters = names.find((n) => n.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const n of names) {
    const d = distance(lower, n.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = n;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

/**
 * Refuses option names the callee does not know, so a typo or a Python keyword name
 * (`group_token`) never silently drops a setting. `where` names the call for the message
 * (`new Llapi()`, `Llapi.uploadManifest()`); `aliases` maps upstream's names to ours when the
 * camelCase rule does not give them. Returns the options to read (`{}` for `null`/`undefined`).
 */
export function checkOptions<T extends object>(where: string, options: T | null | undefined, allowed: Iterable<string>, aliases?: Readonly<Record<string, string>>): T;
export function checkOptions(where: string, options: unknown, allowed: Iterable<string>, aliases?: Readonly<Record<string, string>>): Record<string, unknown>;
export function checkOptions(
  where: string,
  options: unknown,
  allowed: Iterable<string>,
  aliases?: Readonly<Record<string, string>>,
): Record<string, unknown> {
  // `null` means "no options" (as Python's None would), so callers can read fields of the result.
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigError(`${where}: options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`);
  }
  const known = allowed instanceof Set ? (allowed as Set<string>) : new Set(allowed);
  for (const key of Object.keys(options)) {
    if (known.has(key)) continue;
    const hint = closestName(key, known, aliases);
    throw new ConfigError(`${where}: unknown option ${JSON.stringify(key)}${hint ? `; did you mean ${JSON.stringify(hint)}?` : ''}`);
  }
  return options as Record<string, unknown>;
}

type Missing<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;

/**
 * The option names of `T`, checked by the compiler to be exactly `T`'s keys, so the runtime list
 * that {@link checkOptions} refuses unknown names with can never fall behind the type:
 * `namesOf<UploadOptions>()('name', 'signal', 'timeout')` fails to compile when a key is missing.
 */
export function namesOf<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    ...names: K & ([Missing<T, K>] extends [never] ? unknown : { 'missing option names': Missing<T, K> })
  ): readonly string[] => Object.freeze([...names]);
}

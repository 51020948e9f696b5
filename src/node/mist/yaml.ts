import { ConfigError } from '../../core/errors/config-error.js';

/**
 * A YAML reader for what PyYAML's `yaml.dump(…, default_flow_style=False)` writes (the mist.io
 * server's `db.yaml`): block mappings and sequences (including the indentless sequences PyYAML
 * puts under a key), plain, single- and double-quoted scalars over several lines, literal and
 * folded block scalars, one-line flow collections (`[]`, `{}`, `[a, b]`), anchors and aliases,
 * the standard and `!!python/unicode|str` tags, and YAML 1.1 scalar types (PyYAML's `yes`/`no`,
 * octal `0755`, `.inf`). Not a general YAML parser: complex keys, multi-document streams and
 * multi-line flow collections are refused with a ConfigError naming the line.
 */
export function parseYaml(text: string, source = 'YAML'): unknown {
  return new YamlReader(text, source).document();
}

interface Line {
  /** 1-based, for messages. */
  no: number;
  indent: number;
  /** The line without its indentation (and without a trailing CR). */
  text: string;
}

type Tag = string | undefined;

class YamlReader {
  readonly #lines: Line[];
  readonly #source: string;
  readonly #anchors = new Map<string, unknown>();
  #pos = 0;

  constructor(text: string, source: string) {
    this.#source = source;
    const raw = text.replace(/^\uFEFF/, '').split('\n');
    this.#lines = raw.map((line, i) => {
      const l = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (/\t/.test(/^[ \t]*/.exec(l)?.[0] ?? '')) this.#fail(i + 1, 'a tab in indentation');
      const indent = /^ */.exec(l)?.[0].length ?? 0;
      return { no: i + 1, indent, text: l.slice(indent) };
    });
  }

  #fail(line: number, what: string): never {
    throw new ConfigError(`${this.#source} line ${line}: ${what}`);
  }

  /** Blank or comment-only lines carry nothing. */
  #blank(line: Line): boolean {
    return line.text === '' || line.text.startsWith('#');
  }

  /** The next line with content, skipping blanks and comments (not consumed). */
  #peek(): Line | undefined {
    while (this.#pos < this.#lines.length && this.#blank(this.#lines[this.#pos] as Line)) this.#pos++;
    return this.#lines[this.#pos];
  }

  document(): unknown {
    let first = this.#peek();
    if (first && (first.text === '---' || first.text.startsWith('--- ') || first.text.startsWith('%'))) {
      while (first && first.text.startsWith('%')) {
        this.#pos++;
        first = this.#peek();
      }
      if (first && first.text.startsWith('---')) {
        const rest = first.text.slice(3).trim();
        if (rest !== '' && !rest.startsWith('#')) {
          first.text = rest;
          first.indent += 4;
        } else this.#pos++;
      }
    }
    const line = this.#peek();
    if (!line) return null;
    const value = this.#block(line.indent);
    const after = this.#peek();
    if (after && after.text !== '...' && !(after.text.startsWith('... ') || after.text.startsWith('...#'))) {
      this.#fail(after.no, after.text.startsWith('---') ? 'more than one document' : 'unexpected content (bad indentation?)');
    }
    return value;
  }

  /** A node whose first line is indented at least `min` columns (null when there is none). */
  #block(min: number): unknown {
    const line = this.#peek();
    if (!line || line.indent < min) return null;
    if (isSeqItem(line.text)) return this.#sequence(line.indent);
    if (this.#keyOf(line) !== undefined) return this.#mapping(line.indent);
    // A scalar (or flow collection) standing alone on its own lines.
    this.#pos++;
    return this.#inline(line.text, line, min - 1);
  }

  #sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const line = this.#peek();
      if (!line || line.indent !== indent || !isSeqItem(line.text)) break;
      const rest = line.text.slice(1);
      const content = rest.trimStart();
      if (content === '' || content.startsWith('#')) {
        this.#pos++;
        out.push(this.#block(indent + 1));
        continue;
      }
      // `- x`: re-read the rest of this line as a node at its own column (so `- - a` and `- k: v` nest).
      line.indent = indent + 1 + (rest.length - content.length);
      line.text = content;
      out.push(this.#node(line, indent));
    }
    return out;
  }

  /** A node starting on `line`, which belongs to a parent at column `parent`. */
  #node(line: Line, parent: number): unknown {
    if (isSeqItem(line.text)) return this.#sequence(line.indent);
    if (this.#keyOf(line) !== undefined) return this.#mapping(line.indent);
    this.#pos++;
    return this.#inline(line.text, line, parent);
  }

  #mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const line = this.#peek();
      if (!line || line.indent !== indent) break;
      if (isSeqItem(line.text)) this.#fail(line.no, 'a sequence item where a mapping key was expected');
      const key = this.#keyOf(line);
      if (key === undefined) this.#fail(line.no, 'expected "key: value"');
      if (Object.prototype.hasOwnProperty.call(out, key.key)) this.#fail(line.no, `duplicate key ${JSON.stringify(key.key)}`);
      const rest = key.rest.trim();
      this.#pos++;
      let value: unknown;
      if (rest === '' || rest.startsWith('#')) {
        const next = this.#peek();
        if (next && next.indent === indent && isSeqItem(next.text)) value = this.#sequence(indent);
        else value = this.#block(indent + 1);
      } else {
        value = this.#inline(rest, { ...line, text: rest, indent: line.indent + line.text.length - key.rest.trimStart().length }, indent);
      }
      setKey(out, key.key, value);
    }
    return out;
  }

  /** `key: rest` when the line is a mapping entry (a plain or quoted key, then `:` and a space or the end). */
  #keyOf(line: Line): { key: string; rest: string } | undefined {
    const t = line.text;
    if (t.startsWith('? ')) this.#fail(line.no, 'complex mapping keys are not supported');
    if (t.startsWith('"') || t.startsWith("'")) {
      const end = quotedEnd(t, 0);
      if (end === undefined) return undefined;
      const after = t.slice(end);
      const m = /^\s*:(?:\s|$)/.exec(after);
      if (!m) return undefined;
      const key = t[0] === '"' ? unescapeDouble(t.slice(1, end - 1), line.no, this.#source) : t.slice(1, end - 1).replace(/''/g, "'");
      return { key, rest: after.slice(m[0].length) };
    }
    if (/^[[{]/.test(t)) return undefined;
    const m = /^([^#]*?)\s*:(?:\s|$)/.exec(t);
    if (!m || m[1] === undefined || m[1] === '' || /^[!&*|>%@`]/.test(m[1])) return undefined;
    return { key: m[1], rest: t.slice(m[0].length) };
  }

  /**
   * A value that starts on `line` (already consumed) with text `text`: tags and anchors first, then
   * an alias, a quoted scalar (possibly over several lines), a block scalar, a flow collection, or
   * a plain scalar (possibly over several lines more indented than `parent`).
   */
  #inline(text: string, line: Line, parent: number): unknown {
    let t = text;
    let tag: Tag;
    let anchor: string | undefined;
    for (;;) {
      const m = /^(!!?[^\s]*|&[^\s]+)(?:\s+|$)/.exec(t);
      if (!m) break;
      const token = m[1] as string;
      if (token.startsWith('&')) anchor = token.slice(1);
      else tag = token;
      t = t.slice(m[0].length);
    }
    let value: unknown;
    if (t === '' || t.startsWith('#')) {
      // `key: &a` or `- !!map` with the node on the next lines.
      const next = this.#peek();
      value = next && next.indent > parent ? this.#block(parent + 1) : null;
    } else if (t.startsWith('*')) {
      const name = /^\*([^\s]+)/.exec(t)?.[1] ?? '';
      if (!this.#anchors.has(name)) this.#fail(line.no, `unknown alias *${name}`);
      this.#expectEnd(t.slice(name.length + 1), line.no);
      return this.#anchors.get(name);
    } else if (t.startsWith('"') || t.startsWith("'")) {
      value = this.#quoted(t, line);
    } else if (t.startsWith('|') || t.startsWith('>')) {
      value = this.#blockScalar(t, line, parent);
    } else if (t.startsWith('[') || t.startsWith('{')) {
      const reader = new FlowReader(t, line.no, this.#source);
      value = reader.value();
      this.#expectEnd(reader.rest(), line.no);
    } else {
      value = resolvePlain(this.#plain(t, parent), tag === undefined);
    }
    value = applyTag(value, tag, line.no, this.#source);
    if (anchor !== undefined) this.#anchors.set(anchor, value);
    return value;
  }

  #expectEnd(rest: string, no: number): void {
    const r = rest.trim();
    if (r !== '' && !r.startsWith('#')) this.#fail(no, 'unexpected text after a value');
  }

  /** A plain scalar: this line's text, then continuation lines more indented than the parent, folded. */
  #plain(first: string, parent: number): string {
    let text = stripComment(first).trimEnd();
    let breaks = 0;
    while (this.#pos < this.#lines.length) {
      const line = this.#lines[this.#pos] as Line;
      if (line.text === '') {
        breaks++;
        this.#pos++;
        continue;
      }
      if (line.indent <= parent || line.text.startsWith('#') || isSeqItem(line.text) || this.#keyOf(line) !== undefined) break;
      text += breaks > 0 ? '\n'.repeat(breaks) : ' ';
      text += stripComment(line.text).trimEnd();
      breaks = 0;
      this.#pos++;
    }
    return text;
  }

  /** A single- or double-quoted scalar that may continue over the next lines (folded). */
  #quoted(text: string, line: Line): string {
    const quote = text[0] as '"' | "'";
    const parts: string[] = [text];
    let joined = text;
    let end = quotedEnd(joined, 0);
    while (end === undefined) {
      const next = this.#lines[this.#pos];
      if (!next) this.#fail(line.no, 'a quoted string is never closed');
      this.#pos++;
      parts.push(next.text);
      joined = parts.join('\n');
      end = quotedEnd(joined, 0);
    }
    this.#expectEnd(joined.slice(end), line.no);
    const inner = joined.slice(1, end - 1);
    const folded = fold(inner, quote === '"');
    return quote === '"' ? unescapeDouble(folded, line.no, this.#source) : folded.replace(/''/g, "'");
  }

  /** `|` or `>` with optional chomping (`-`, `+`) and indentation indicators. */
  #blockScalar(header: string, line: Line, parent: number): string {
    const m = /^([|>])([1-9])?([+-])?([1-9])?\s*(#.*)?$/.exec(header);
    if (!m) this.#fail(line.no, 'a malformed block scalar header');
    const literal = m[1] === '|';
    const chomp = m[3] ?? '';
    const explicit = m[2] ?? m[4];
    const lines: string[] = [];
    let indent = explicit !== undefined ? parent + 1 + Number(explicit) - 1 : undefined;
    if (indent !== undefined && parent < 0) indent = Number(explicit);
    while (this.#pos < this.#lines.length) {
      const l = this.#lines[this.#pos] as Line;
      if (l.text === '') {
        lines.push('');
        this.#pos++;
        continue;
      }
      if (indent === undefined) {
        if (l.indent <= parent) break;
        indent = l.indent;
      }
      if (l.indent < indent) break;
      lines.push(' '.repeat(l.indent - indent) + l.text);
      this.#pos++;
    }
    let trailing = 0;
    while (lines.length > 0 && lines[lines.length - 1] === '') {
      lines.pop();
      trailing++;
    }
    let body: string;
    if (literal) body = lines.join('\n');
    else {
      // Folding: a line break between two text lines is a space; an empty line is a newline (and
      // takes the break before it along); breaks around more-indented lines are kept.
      body = lines[0] ?? '';
      for (let i = 1; i < lines.length; i++) {
        const cur = lines[i] as string;
        const prev = lines[i - 1] as string;
        if (cur === '') body += '\n';
        else if (prev === '') body += cur;
        else body += (cur.startsWith(' ') || prev.startsWith(' ') ? '\n' : ' ') + cur;
      }
    }
    if (lines.length === 0) return chomp === '+' ? '\n'.repeat(trailing) : '';
    if (chomp === '-') return body;
    if (chomp === '+') return `${body}\n${'\n'.repeat(trailing)}`;
    return `${body}\n`;
  }
}

/** Defines a key as data (a `__proto__` key stays a key, never the object's prototype). */
function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `-` followed by a space or the end of the line starts a sequence item. */
function isSeqItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** A ` #` comment ends a plain scalar. */
function stripComment(text: string): string {
  const at = text.search(/\s#/);
  return at < 0 ? text : text.slice(0, at);
}

/** The index just after the closing quote of the quoted scalar starting at `from`, or undefined. */
function quotedEnd(text: string, from: number): number | undefined {
  const q = text[from];
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (q === "'" && c === "'") {
      if (text[i + 1] === "'") {
        i++;
        continue;
      }
      return i + 1;
    }
    if (q === '"') {
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '"') return i + 1;
    }
  }
  return undefined;
}

/**
 * Line folding inside a quoted scalar: spaces around a line break go, one break becomes a space,
 * n breaks become n-1 newlines; in double quotes, a `\` before the break joins the lines.
 */
function fold(inner: string, double: boolean): string {
  const lines = inner.split('\n');
  if (lines.length === 1) return inner;
  let out = lines[0]!.replace(/[ \t]+$/, '');
  let breaks = 0;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    const t = i === lines.length - 1 ? raw.replace(/^[ \t]+/, '') : raw.trim();
    if (t === '' && i < lines.length - 1) {
      breaks++;
      continue;
    }
    if (double && out.endsWith('\\') && !out.endsWith('\\\\') && breaks === 0) {
      out = out.slice(0, -1) + t;
    } else {
      out += breaks > 0 ? '\n'.repeat(breaks) : ' ';
      out += t;
    }
    breaks = 0;
  }
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

function unescapeDouble(text: string, no: number, source: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = text[++i] ?? '';
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width > 0) {
      const hex = text.slice(i + 1, i + 1 + width);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) throw new ConfigError(`${source} line ${no}: a bad \\${e} escape`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += width;
    } else if (ESCAPES[e] !== undefined) out += ESCAPES[e];
    else throw new ConfigError(`${source} line ${no}: an unknown escape \\${e}`);
  }
  return out;
}

/** YAML 1.1 plain scalars as PyYAML resolves them (null, bool, int, float; everything else a string). */
function resolvePlain(text: string, resolve: boolean): unknown {
  if (!resolve) return text;
  if (/^(?:~|null|Null|NULL|)$/.test(text)) return null;
  if (/^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(text)) return true;
  if (/^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/.test(text)) return false;
  const clean = text.replace(/_/g, '');
  if (/^[-+]?0b[01]+$/.test(clean)) return sign(clean) * parseInt(clean.replace(/^[-+]?0b/, ''), 2);
  if (/^[-+]?0x[0-9a-fA-F]+$/.test(clean)) return sign(clean) * parseInt(clean.replace(/^[-+]?0x/, ''), 16);
  if (/^[-+]?0[0-7]+$/.test(clean)) return sign(clean) * parseInt(clean.replace(/^[-+]?0/, ''), 8);
  if (/^[-+]?(?:0|[1-9][0-9]*)$/.test(clean)) return Number(clean);
  if (/^[-+]?(?:[0-9][0-9]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/.test(clean) && /[0-9]/.test(clean)) return Number(clean);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

function sign(text: string): number {
  return text.startsWith('-') ? -1 : 1;
}

/** Standard tags, and PyYAML's python string tags; anything else (python objects) is refused. */
function applyTag(value: unknown, tag: Tag, no: number, source: string): unknown {
  if (tag === undefined || tag === '!') return value;
  const s = value === null ? '' : typeof value === 'object' ? '' : String(value);
  switch (tag) {
    case '!!str':
    case '!!python/str':
    case '!!python/unicode':
      return typeof value === 'string' ? value : s;
    case '!!int':
    case '!!python/int':
    case '!!python/long': {
      const v = resolvePlain(s, true);
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new ConfigError(`${source} line ${no}: !!int value is not an integer`);
      return v;
    }
    case '!!float':
    case '!!python/float':
      return Number(s);
    case '!!bool':
    case '!!python/bool':
      return resolvePlain(s, true) === true;
    case '!!null':
    case '!!python/none':
      return null;
    case '!!map':
    case '!!seq':
      return value;
    default:
      throw new ConfigError(`${source} line ${no}: the tag ${tag} is not supported (only plain data can be read)`);
  }
}

/** A one-line flow collection or scalar: `[a, 'b', {c: 1}]`. */
class FlowReader {
  #i = 0;
  constructor(
    readonly text: string,
    readonly no: number,
    readonly source: string,
  ) {}

  #fail(what: string): never {
    throw new ConfigError(`${this.source} line ${this.no}: ${what}`);
  }

  #ws(): void {
    while (this.text[this.#i] === ' ') this.#i++;
  }

  rest(): string {
    return this.text.slice(this.#i);
  }

  value(): unknown {
    this.#ws();
    const c = this.text[this.#i];
    if (c === '[') {
      this.#i++;
      const out: unknown[] = [];
      this.#ws();
      if (this.text[this.#i] === ']') {
        this.#i++;
        return out;
      }
      for (;;) {
        out.push(this.value());
        this.#ws();
        const d = this.text[this.#i++];
        if (d === ']') return out;
        if (d !== ',') this.#fail('expected "," or "]" in a flow sequence (multi-line flow collections are not supported)');
      }
    }
    if (c === '{') {
      this.#i++;
      const out: Record<string, unknown> = {};
      this.#ws();
      if (this.text[this.#i] === '}') {
        this.#i++;
        return out;
      }
      for (;;) {
        const key = this.value();
        this.#ws();
        if (this.text[this.#i] !== ':') this.#fail('expected ":" in a flow mapping');
        this.#i++;
        setKey(out, String(key), this.value());
        this.#ws();
        const d = this.text[this.#i++];
        if (d === '}') return out;
        if (d !== ',') this.#fail('expected "," or "}" in a flow mapping');
      }
    }
    if (c === '"' || c === "'") {
      const end = quotedEnd(this.text, this.#i);
      if (end === undefined) this.#fail('a quoted string is never closed');
      const inner = this.text.slice(this.#i + 1, end - 1);
      this.#i = end;
      return c === '"' ? unescapeDouble(inner, this.no, this.source) : inner.replace(/''/g, "'");
    }
    const m = /^[^,\]}:#]*(?::(?! )[^,\]}:#]*)*/.exec(this.text.slice(this.#i));
    const raw = (m?.[0] ?? '').trimEnd();
    this.#i += raw.length;
    return resolvePlain(raw, true);
  }
}

#!/usr/bin/env node
// `npm run docs`: builds the API reference (TypeDoc, configured by typedoc.json) into docs/api/
// and checks it; `npm test` runs the same (one page per subpath export, every link resolves).
//
//   node scripts/docs.mjs            # build docs/api/ and check it
//   node scripts/docs.mjs --out DIR  # build elsewhere (the check is the same)
//
// docs/api/ is build output (git-ignored, not in the npm package): it is large, changes with every
// doc comment, and is rebuilt from the sources in well under a minute.
//
// Checks, each one counted, then `N passed, N failed` (exit 1 on any failure):
// - TypeDoc converts the public exports without an error;
// - every subpath export of package.json has its module page, named as users import it;
// - no doc-comment or guide problem TypeDoc reports: unknown tags, {@link}s or relative links
//   that resolve to nothing, anchors that do not exist, unhighlightable code languages (a type a
//   public export mentions but the package does not export is listed, not failed: exporting it
//   is a code change);
// - every internal link (href/src) of every generated page resolves to a file, and its #anchor
//   to an element id in that file; the navigation and search data point at existing pages;
// - every @example of a documented export appears in the generated pages.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { Application, LogLevel, PackageJsonReader, ReflectionKind, RendererEvent, TSConfigReader, TypeDocReader } from 'typedoc';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const argOut = process.argv.indexOf('--out');
const out = resolve(root, argOut >= 0 ? process.argv[argOut + 1] : 'docs/api');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

let passed = 0;
let failed = 0;
function test(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${name}`);
    return;
  }
  failed++;
  console.log(`FAIL ${name}`);
  for (const p of problems.slice(0, 40)) console.log(`       ${p.replace(/\n/g, '\n       ')}`);
  if (problems.length > 40) console.log(`       … and ${problems.length - 40} more`);
}

// eslint-disable-next-line no-control-regex
const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

// TypeDoc's messages, sorted: the few that need a code change are listed; one that only says the
// repository has no public remote yet (so "Defined in" has no link) is expected; the rest fail.
const errors = [];
const warnings = [];
const notExported = [];
const NOT_EXPORTED = /is referenced by .* but not included in the documentation/;
const NO_REMOTE = /The provided git remote ".*" was not valid/;

const app = await Application.bootstrapWithPlugins({ out }, [new TypeDocReader(), new PackageJsonReader(), new TSConfigReader()]);
const print = app.logger.log.bind(app.logger);
app.logger.log = (message, level) => {
  const text = plain(String(message));
  if (level === LogLevel.Error) errors.push(text);
  else if (level === LogLevel.Warn) {
    if (NO_REMOTE.test(text)) return;
    if (NOT_EXPORTED.test(text)) {
      notExported.push(text);
      return;
    }
    if (/^Found \d+ errors? and \d+ warnings?/.test(text)) return;
    warnings.push(text);
  } else if (level <= LogLevel.Info && !/^(Loaded plugin|html generated)/.test(text)) return;
  print(message, level);
};
// Bootstrap problems (typedoc.json, the plugin's entry-point check) were logged before the hook.
if (app.logger.hasErrors()) errors.push('TypeDoc reported errors while reading its options (see above)');

// The router maps reflections to pages; TypeDoc drops it when rendering ends, so keep it.
let router;
app.renderer.on(RendererEvent.BEGIN, () => {
  router = app.renderer.router;
});

const started = Date.now();
const project = errors.length ? undefined : await app.convert();
if (project) {
  app.validate(project);
  await app.generateDocs(project, out);
}
test(`TypeDoc converts the public exports and writes ${relative(root, out)}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`, project ? errors : [...errors, 'no project was converted']);
if (!project) finish();

// One module page per subpath export, named as it is imported.
const modules = new Map(project.getChildrenByKind(ReflectionKind.Module).map((m) => [m.name, m]));
for (const subpath of Object.keys(pkg.exports).filter((k) => k !== './package.json')) {
  const name = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
  const mod = modules.get(name);
  const page = mod && router?.hasUrl(mod) ? join(out, router.getFullUrl(mod)) : undefined;
  test(`${name} has its page`, [
    ...(mod ? [] : [`no module named ${name} (typedoc.json entryPoints vs package.json exports)`]),
    ...(mod && !(page && existsSync(page)) ? [`${name}: its page ${page ? relative(root, page) : '(none)'} was not written`] : []),
    ...(mod && !mod.hasComment() ? [`${name} has no module doc comment (@module / @packageDocumentation)`] : []),
    ...(mod && (mod.children ?? []).length === 0 ? [`${name} documents nothing`] : []),
  ]);
}

test('no problem in doc comments and guides (tags, {@link}s, relative links, anchors)', warnings);
if (notExported.length) {
  console.log(`note ${notExported.length} type(s) a public export mentions are not exported (shown unlinked; exporting them is a code change):`);
  for (const w of notExported) console.log(`       ${w.replace(/,? defined in .*?(?=, is referenced)/, '').replace(/ but not included in the documentation$/, '')}`);
}

// Every internal link of the generated site resolves.
const pages = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.html')) pages.push(full);
  }
};
walk(out);
const ids = new Map();
const idsOf = (file) => {
  if (!ids.has(file)) {
    const html = readFileSync(file, 'utf8');
    ids.set(file, new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decodeEntities(m[1]))));
  }
  return ids.get(file);
};
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (_, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()],
  );
}
/** Problem with `href` as written in `from` (a file under `out`), or undefined when it resolves. */
function brokenLink(from, href) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return undefined; // external (https:, mailto:, data:, …)
  const [pathPart, fragment] = href.split('#', 2);
  let target = from;
  if (pathPart) {
    target = resolve(dirname(from), decodeURIComponent(pathPart.split('?')[0]));
    if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
    if (!target.startsWith(out)) return `${href} leaves ${relative(root, out)}/`;
    if (!existsSync(target)) return `${href}: no file ${relative(root, target)}`;
  }
  if (!fragment || !target.endsWith('.html')) return undefined;
  return idsOf(target).has(decodeURIComponent(fragment)) ? undefined : `${href}: no id "${fragment}" in ${relative(out, target)}`;
}
const linkProblems = [];
let links = 0;
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const href = decodeEntities(m[1]);
    if (href === '' || href === '#') continue;
    links++;
    const problem = brokenLink(page, href);
    if (problem) linkProblems.push(`${relative(out, page)}: ${problem}`);
  }
}
test(`every internal link resolves (${links} links in ${pages.length} pages)`, linkProblems);

// The sidebar and the search box read compressed JSON from assets/*.js.
const dataProblems = [];
let dataLinks = 0;
const readData = (file) => {
  const text = readFileSync(join(out, 'assets', file), 'utf8');
  const b64 = /"([A-Za-z0-9+/=]+)"/.exec(text)?.[1];
  if (!b64) throw new Error(`assets/${file}: no data found`);
  return JSON.parse(inflateSync(Buffer.from(b64, 'base64')).toString('utf8'));
};
try {
  const visit = (nodes) => {
    for (const n of nodes ?? []) {
      if (n.path) {
        dataLinks++;
        const problem = brokenLink(join(out, 'index.html'), n.path);
        if (problem) dataProblems.push(`navigation "${n.text}": ${problem}`);
      }
      visit(n.children);
    }
  };
  visit(readData('navigation.js'));
  for (const row of readData('search.js').rows ?? []) {
    dataLinks++;
    // TypeDoc indexes some anonymous type literals (`__type`, e.g. of a constructor type alias)
    // under an anchor it never renders; such a result still opens the right page.
    const url = row.name === '__type' ? row.url.split('#')[0] : row.url;
    const problem = brokenLink(join(out, 'index.html'), url);
    if (problem) dataProblems.push(`search "${row.name}": ${problem}`);
  }
} catch (err) {
  dataProblems.push(err.message);
}
test(`the navigation and search data point at existing pages (${dataLinks} entries)`, dataProblems);

// Every hand-written @example is rendered (a lost comment or tag would drop it silently). Examples
// in generated OpenAPI types (src/*/generated/) belong to schema fields shown inline, not checked.
const exampleProblems = [];
const wanted = new Map(); // page → distinct examples expected on it
for (const refl of Object.values(project.reflections)) {
  const file = refl.sources?.[0]?.fullFileName ?? refl.parent?.sources?.[0]?.fullFileName ?? '';
  if (/\/generated\//.test(file)) continue;
  // Members of an anonymous type (a parameter's or return type's fields) are shown inline, in the type.
  let inType = false;
  for (let p = refl.parent; p && !inType; p = p.parent) inType = p.kindOf(ReflectionKind.TypeLiteral);
  if (inType) continue;
  const comments = [refl.comment, ...(refl.signatures ?? []).map((s) => s.comment)].filter(Boolean);
  const tags = comments.flatMap((c) => c.blockTags.filter((t) => t.tag === '@example'));
  if (!tags.length) continue;
  // A member is rendered on its parent's page; a class, interface, module, … on its own.
  let owner = refl;
  while (owner && !(router?.hasUrl(owner) && router.hasOwnDocument(owner))) owner = owner.parent;
  const page = owner && join(out, router.getFullUrl(owner).split('#')[0]);
  if (!page || !existsSync(page)) {
    exampleProblems.push(`${refl.getFullName()}: its @example has no page`);
    continue;
  }
  if (!wanted.has(page)) wanted.set(page, new Set());
  for (const t of tags) wanted.get(page).add(JSON.stringify(t.content));
}
let examples = 0;
for (const [page, distinct] of wanted) {
  examples += distinct.size;
  const headings = (readFileSync(page, 'utf8').match(/<h4 class="tsd-anchor-link" id="example(?:-\d+)?">/g) ?? []).length;
  if (headings < distinct.size) exampleProblems.push(`${relative(out, page)}: ${distinct.size} @example, ${headings} rendered`);
}
test(`every @example is rendered (${examples} examples)`, exampleProblems);

finish();

function finish() {
  console.log(`docs: ${relative(root, out)}/index.html`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

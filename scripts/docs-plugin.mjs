// TypeDoc plugin for opskit's API reference (typedoc.json loads it, so `npx typedoc` and
// `npm run docs` build the same site):
// - each module page is named after the import a user writes (`opskit`, `opskit/triton`, …), not
//   after its source file (`index`, `triton`), using the export table in rollup.config.mjs;
// - typedoc.json's entryPoints must be exactly that table's sources, in its order, so a subpath
//   export added to the package cannot be missing from the reference (an error fails the build);
// - the guides (docs/*.md) are titled by their first heading, not by their file name;
// - heading anchors count inline code, as GitHub's do, so `compat.md#…-the-timesys-package`
//   works both on GitHub and in the generated site.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, Converter, ReflectionKind } from 'typedoc';
import { entries } from '../rollup.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkgName = 'opskit';
const fromRoot = (file) => relative(root, file).replace(/\\/g, '/');

/** `src/triton/index.ts` → `opskit/triton`; `src/index.ts` → `opskit`. */
const importNameBySource = new Map(entries.map((e) => [e.input, e.subpath === '.' ? pkgName : `${pkgName}/${e.subpath.slice(2)}`]));

/** `# Triton CloudAPI (`opskit/triton`)` → `Triton CloudAPI`: the heading's words before any ( or :. */
export function guideTitle(parts) {
  const firstLine = parts.map((p) => p.text).join('').split('\n', 1)[0] ?? '';
  if (!firstLine.startsWith('# ')) return undefined;
  const title = firstLine.slice(2).replace(/`/g, '').split(/ \(|: /, 1)[0].trim();
  return title || undefined;
}

/**
 * TypeDoc slugs a heading from its text tokens only, so "from the `timesys` package" loses
 * "timesys" and GitHub-style links into it break. markdown-it renders code_inline from its
 * `content` and ignores `children`, while TypeDoc's slug reads `children`: giving each code span
 * one text child makes the slug include it without changing what is rendered.
 */
function codeInHeadingSlugs(md) {
  md.core.ruler.push('opskit_heading_code_slugs', (state) => {
    for (let i = 0; i < state.tokens.length; i++) {
      if (state.tokens[i].type !== 'heading_open') continue;
      for (const child of state.tokens[i + 1]?.children ?? []) {
        if (child.type === 'code_inline' && !child.children) {
          child.children = [Object.assign(new state.Token('text', '', 0), { content: child.content })];
        }
      }
    }
  });
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.on(Application.EVENT_BOOTSTRAP_END, () => {
    const configured = app.options.getValue('entryPoints').map(fromRoot);
    const want = entries.map((e) => e.input);
    if (configured.join('\n') !== want.join('\n')) {
      app.logger.error(
        `typedoc.json "entryPoints" must list the sources of rollup.config.mjs's export table, in its order:\n  ${want.join('\n  ')}\n` +
          `it lists:\n  ${configured.join('\n  ')}`,
      );
    }
    const loader = app.options.getValue('markdownItLoader');
    app.options.setValue('markdownItLoader', (md) => {
      loader(md);
      codeInHeadingSlugs(md);
    });
  });

  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const name = file && importNameBySource.get(fromRoot(file));
    if (name) reflection.name = name;
  });

  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, doc) => {
    if (doc.frontmatter?.title) return;
    const title = guideTitle(doc.content);
    if (title) doc.name = title;
  });
}

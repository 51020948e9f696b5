/**
 * Identifiers can never change a request's target, through the facades users call. Generated
 * from every spec's operation table: for each operation whose path has identifiers the caller
 * passes (not ones the client fills in itself, such as Triton's login or Pithos's account), the
 * facade method named by its operationId gets each hostile value in each identifier position, and
 * must fail with a typed opskit error while the simulator receives nothing.
 *
 * test/unit/core/hostile-paths.test.ts does the same one level down, on the typed client.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpsError, type OperationMeta, type PathStyle } from '../../../src/index.js';
import { createSim } from '../../../src/sim/index.js';
import { DataCenter } from '../../../src/triton/index.js';
import { operations as tritonOps } from '../../../src/triton/generated/triton-cloudapi.meta.js';
import { Llapi } from '../../../src/timesys/index.js';
import { operations as timesysOps } from '../../../src/timesys/generated/timesys-llapi.meta.js';
import { Connection } from '../../../src/turbonomic/index.js';
import { operations as turboOps } from '../../../src/turbonomic/generated/turbonomic.meta.js';
import { MistClient } from '../../../src/mist/index.js';
import { operations as mistOps } from '../../../src/mist/generated/mist.meta.js';
import {
  AstakosClient, CycladesBlockStorageClient, CycladesComputeClient, CycladesNetworkClient, ImageClient, PithosClient,
} from '../../../src/synnefo/index.js';
import { operations as astakosOps } from '../../../src/synnefo/generated/synnefo-astakos.meta.js';
import { operations as computeOps } from '../../../src/synnefo/generated/synnefo-compute.meta.js';
import { operations as networkOps } from '../../../src/synnefo/generated/synnefo-network.meta.js';
import { operations as imageOps } from '../../../src/synnefo/generated/synnefo-image.meta.js';
import { operations as volumeOps } from '../../../src/synnefo/generated/synnefo-volume.meta.js';
import { operations as pithosOps } from '../../../src/synnefo/generated/pithos.meta.js';

const ALWAYS: Array<[string, unknown]> = [
  ['empty', ''], ['dot', '.'], ['dot-dot', '..'], ['object', {}], ['null', null], ['CR/LF', 'a\r\nX-Injected: 1'], ['lone surrogate', '\uD800'],
];
const RESERVED: Array<[string, unknown]> = [['traversal', 'a/../b'], ['query', '?x'], ['fragment', '#x']];

function hostileFor(style: PathStyle): Array<[string, unknown]> {
  if (style === 'id') return [...ALWAYS, ...RESERVED];
  if (style === 'segments') return [...ALWAYS, ['traversal', 'a/../b']];
  return ALWAYS;
}

interface Family {
  name: string;
  tables: Array<Readonly<Record<string, OperationMeta>>>;
  /** The facade object an operationId's method lives on (`Class.method` ids name the class). */
  objects: Record<string, object>;
  /** Path parameters the client fills in itself, by class ('*' for all). */
  implicit: Record<string, readonly string[]>;
  /** Path parameters for which `null` means "the configured one" (documented). */
  nullMeansDefault?: readonly string[];
  requests: () => number;
}

/** Calls a facade method and settles whatever it returns: a promise, an awaitable list, an iterable. */
async function settle(out: unknown): Promise<void> {
  if (out && typeof (out as PromiseLike<unknown>).then === 'function') {
    await out;
    return;
  }
  if (out && typeof (out as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    for await (const _ of out as AsyncIterable<unknown>) break;
  }
}

async function families(): Promise<Family[]> {
  const out: Family[] = [];

  const triton = createSim('triton');
  out.push({
    name: 'triton',
    tables: [tritonOps],
    objects: { '*': new DataCenter({ url: triton.url, fetch: triton.fetch, ...triton.credentials }) },
    implicit: { '*': ['login'] },
    requests: () => triton.requests.size,
  });

  const timesys = createSim('timesys');
  out.push({
    name: 'timesys',
    tables: [timesysOps],
    objects: { '*': new Llapi({ url: timesys.url, fetch: timesys.fetch, ...timesys.credentials }) },
    implicit: { '*': [] },
    nullMeansDefault: ['group_token', 'folder_token'],
    requests: () => timesys.requests.size,
  });

  const turbo = createSim('turbonomic');
  out.push({
    name: 'turbonomic',
    tables: [turboOps],
    objects: { '*': new Connection({ url: turbo.url, fetch: turbo.fetch, ...turbo.credentials }) },
    implicit: { '*': [] },
    requests: () => turbo.requests.size,
  });

  const mist = createSim('mist');
  const mc = await MistClient.login({ mistUri: mist.url, fetch: mist.fetch, ...mist.credentials });
  out.push({
    name: 'mist',
    tables: [mistOps],
    objects: { MistClient: mc },
    implicit: { '*': [] },
    requests: () => mist.requests.size,
  });

  const syn = createSim('synnefo');
  const astakos = new AstakosClient({ ...syn.credentials, fetch: syn.fetch });
  const common = { token: syn.credentials.token, fetch: syn.fetch };
  const url = async (type: string) => astakos.getEndpointUrl(type);
  const pithos = new PithosClient({ url: await url('object-store'), ...common, account: (await astakos.authenticate()).access.user!.id });
  pithos.container = 'pithos';
  out.push({
    name: 'synnefo',
    tables: [astakosOps, computeOps, networkOps, imageOps, volumeOps, pithosOps],
    objects: {
      astakos,
      compute: new CycladesComputeClient({ url: await url('compute'), ...common }),
      network: new CycladesNetworkClient({ url: await url('network'), ...common }),
      image: new ImageClient({ url: await url('image'), ...common }),
      volume: new CycladesBlockStorageClient({ url: await url('volume'), ...common }),
      pithos,
    },
    implicit: { pithos: ['account', 'container'] },
    requests: () => syn.requests.size,
  });
  return out;
}

/** Which object of a family holds an operation's method, and the method's name. */
function methodFor(family: Family, table: Readonly<Record<string, OperationMeta>>, operationId: string): { owner: string; obj: object; name: string } | undefined {
  const dot = operationId.indexOf('.');
  if (dot > 0) {
    const owner = operationId.slice(0, dot);
    const obj = family.objects[owner];
    const name = operationId.slice(dot + 1);
    return obj && typeof (obj as Record<string, unknown>)[name] === 'function' ? { owner, obj, name } : undefined;
  }
  // Synnefo: one object per service; the table tells which.
  const owner = family.name === 'synnefo' ? serviceOf(table) : '*';
  const obj = family.objects[owner];
  return obj && typeof (obj as Record<string, unknown>)[operationId] === 'function' ? { owner, obj, name: operationId } : undefined;
}

function serviceOf(table: Readonly<Record<string, OperationMeta>>): string {
  if (table === astakosOps) return 'astakos';
  if (table === computeOps) return 'compute';
  if (table === networkOps) return 'network';
  if (table === imageOps) return 'image';
  if (table === volumeOps) return 'volume';
  return 'pithos';
}

test('every facade method that takes an identifier refuses hostile values before anything reaches the simulator', async () => {
  const all = await families();
  const unmapped: string[] = [];
  const problems: string[] = [];
  let checked = 0;
  let methods = 0;
  for (const family of all) {
    for (const table of family.tables) {
      for (const [key, meta] of Object.entries(table)) {
        const path = key.slice(key.indexOf(' ') + 1);
        const found = methodFor(family, table, meta.operationId);
        const implicit = new Set([...(family.implicit['*'] ?? []), ...(found ? (family.implicit[found.owner] ?? []) : [])]);
        const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string).filter((p) => !implicit.has(p));
        if (params.length === 0) continue;
        if (!found) {
          unmapped.push(`${family.name} ${key} (${meta.operationId})`);
          continue;
        }
        methods++;
        const fn = (found.obj as Record<string, (...a: unknown[]) => unknown>)[found.name] as (...a: unknown[]) => unknown;
        for (let i = 0; i < params.length; i++) {
          const param = params[i] as string;
          const style = meta.pathStyles?.[param] ?? 'id';
          for (const [what, value] of hostileFor(style)) {
            // A parameter with a default (fn.length stops before it) is an options object or an
            // optional id there: `{}` and `null` mean "nothing given". So does `null` for ids
            // documented to default to a configured one.
            const optional = fn.length <= i || (family.nullMeansDefault ?? []).includes(param);
            if (optional && (what === 'object' || what === 'null')) continue;
            const args: unknown[] = params.map(() => 'validid1');
            args[i] = value;
            const before = family.requests();
            let error: unknown;
            try {
              await settle(fn.apply(found.obj, args));
            } catch (e) {
              error = e;
            }
            const where = `${family.name} ${found.owner}.${found.name} (${key}) argument ${i + 1} = ${what}`;
            if (!(error instanceof OpsError)) problems.push(`${where}: expected a typed error, got ${error === undefined ? 'success' : String(error).slice(0, 120)}`);
            if (family.requests() !== before) problems.push(`${where}: a request reached the simulator`);
            checked++;
          }
        }
      }
    }
  }
  assert.deepEqual(problems, [], `${problems.length} hostile calls were not refused:\n${problems.join('\n')}`);
  // Operations with caller-given identifiers but no facade method of that name are listed, so the
  // count cannot shrink unnoticed (they are reachable only through the typed client, which the
  // core test covers).
  assert.ok(methods >= 100, `only ${methods} facade methods were checked; unmapped: ${unmapped.join('; ')}`);
  assert.ok(checked > 1000, `only ${checked} hostile calls`);
});

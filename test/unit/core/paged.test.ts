import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { cursorPaging, dryRunnable, markerPaging, offsetPaging, Paged, PaginationError } from '../../../src/index.js';
import { PageTokenGuard } from '../../../src/core/page-token-guard.js';

const data = Array.from({ length: 23 }, (_, i) => ({ id: `k${String(i).padStart(3, '0')}` }));

test('cursor paging yields every item once, with counters', async () => {
  const calls: Array<string | undefined> = [];
  const paged = new Paged(
    cursorPaging(async (cursor) => {
      calls.push(cursor);
      const start = cursor ? Number(cursor.slice(1)) : 0;
      const items = data.slice(start, start + 5);
      return { items, next: start + 5 < data.length ? `c${start + 5}` : undefined, total: data.length };
    }),
  );
  const pages: number[] = [];
  for await (const page of paged.pages()) pages.push(page.length);
  assert.deepEqual(pages, [5, 5, 5, 5, 3]);
  assert.equal(paged.page, 5);
  assert.equal(paged.fetched, 23);
  assert.equal(paged.total, 23);
  assert.equal(paged.complete, true);
  assert.deepEqual(await paged.all(), data);
  assert.deepEqual(calls.slice(0, 5), [undefined, 'c5', 'c10', 'c15', 'c20']);
  assert.deepEqual(await paged.first(), data[0]);
});

test('a repeated cursor, even a cycle of two, ends with PaginationError', async () => {
  const same = new Paged(cursorPaging(async () => ({ items: [1], next: 'same' })));
  await assert.rejects(same.all(), PaginationError);
  let n = 0;
  const cycle = new Paged(cursorPaging(async () => ({ items: [n], next: n++ % 2 ? 'a' : 'b' })));
  await assert.rejects(cycle.all(), /repeated page token/);
  assert.ok(n <= 3);
});

test('a loop longer than the remembered tokens is still caught, within about twice its length', async () => {
  // Tokens t0 … t4999, then back to t1000: a loop of 4,000 pages, far more than the 1,024 recent
  // tokens a listing keeps, so only Brent's check can catch it.
  const next = (i: number) => (i + 1 < 5000 ? i + 1 : 1000);
  let fetched = 0;
  const looping = new Paged(
    cursorPaging(async (cursor) => {
      // A guard that misses the loop would page forever (on resolved promises, so no timer could
      // stop the test): give up well past where it must have been caught.
      if (++fetched > 20_000) throw new Error('the loop was never caught');
      const i = cursor === undefined ? 0 : Number(cursor.slice(1));
      return { items: [i], next: `t${next(i)}` };
    }),
  );
  await assert.rejects(looping.all(), /repeated page token "t\d+"/);
  assert.ok(fetched > 5000 && fetched <= 1000 + 2 * 4000 + 2, `caught after ${fetched} pages`);
});

test('a long listing that never repeats a token is not taken for a loop, and remembers a bounded number of tokens', async () => {
  const pages = 20_000;
  const paged = new Paged(cursorPaging(async (cursor) => {
    const i = cursor === undefined ? 0 : Number(cursor);
    return { items: [i], next: i + 1 < pages ? String(i + 1) : undefined };
  }));
  let n = 0;
  for await (const page of paged.pages()) n += page.length;
  assert.equal(n, pages);
  assert.equal(paged.complete, true);
  // The guard itself: old tokens are forgotten (the memory bound), recent ones and Brent's are not.
  const guard = new PageTokenGuard(16);
  for (let i = 0; i < 1000; i++) guard.add(`k${i}`);
  assert.equal(guard.has('k999'), true);
  assert.equal(guard.has('k984'), true);
  assert.equal(guard.has('k983'), false);
  assert.equal(guard.has('k510'), true, 'the token Brent\'s check remembers: moved at the 1st, 3rd, 7th … 511th token');
  assert.equal(guard.has('k511'), false);
});

test('offset paging advances by items received and stops on a short page or the total', async () => {
  const seen: number[] = [];
  const loader = offsetPaging({ limit: 10, fetch: async (offset, limit) => (seen.push(offset), { items: data.slice(offset, offset + limit), total: data.length }) });
  assert.deepEqual(await new Paged(loader).all(), data);
  assert.deepEqual(seen, [0, 10, 20]);
  const exact = offsetPaging({ limit: 23, fetch: async (o, l) => (seen.push(o), { items: data.slice(o, o + l), total: 23 }) });
  seen.length = 0;
  assert.equal((await new Paged(exact).all()).length, 23);
  assert.deepEqual(seen, [0], 'no extra request when the total is reached');
  assert.throws(() => offsetPaging({ limit: 0, fetch: async () => ({ items: [] }) }), PaginationError);
});

test('marker paging passes the last item key', async () => {
  const markers: Array<string | undefined> = [];
  const loader = markerPaging({
    limit: 10,
    marker: (x: { id: string }) => x.id,
    fetch: async (marker, limit) => {
      markers.push(marker);
      const start = marker ? data.findIndex((d) => d.id === marker) + 1 : 0;
      return { items: data.slice(start, start + limit) };
    },
  });
  assert.deepEqual(await new Paged(loader).all(), data);
  assert.deepEqual(markers, [undefined, 'k009', 'k019']);
});

test('maxPages stops early without error; a page without items array is an error', async () => {
  const p = new Paged(cursorPaging(async (c) => ({ items: [c ?? '0'], next: `${Number(c ?? 0) + 1}` })), { maxPages: 3 });
  assert.deepEqual(await p.all(), ['0', '1', '2']);
  const bad = new Paged(async () => ({ items: null as unknown as number[] }));
  await assert.rejects(bad.all(), PaginationError);
});

test('iteration keeps one page in memory (flat memory over 200k items)', async () => {
  const loader = offsetPaging({ limit: 1000, fetch: async (o, l) => ({ items: o >= 200_000 ? [] : Array.from({ length: l }, (_, i) => ({ n: o + i, pad: 'x'.repeat(100) })), total: 200_000 }) });
  const paged = new Paged(loader);
  v8.setFlagsFromString('--expose_gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  let sum = 0;
  let peak = 0;
  for await (const item of paged) {
    sum += item.n;
    if (item.n % 20_000 === 0) gc();
    if (item.n % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  }
  assert.equal(sum, (199_999 * 200_000) / 2);
  // 200k items of ~130 bytes would be > 25 MB if they were kept.
  assert.ok(peak < 20 * 1024 * 1024, `heap grew ${peak}`);
});

test('a page is not held by the list while the next one is fetched', async () => {
  v8.setFlagsFromString('--expose_gc');
  const gc = vm.runInNewContext('gc') as () => void;
  // Each load collects and records which earlier pages are still alive ('L') or gone ('.').
  const pages: WeakRef<object>[] = [];
  const seen: string[] = [];
  const loader = async (token: unknown) => {
    gc();
    await new Promise((r) => setImmediate(r));
    gc();
    seen.push(pages.map((r) => (r.deref() ? 'L' : '.')).join(''));
    const n = token === undefined ? 0 : Number(token);
    const items = Array.from({ length: 100 }, (_, i) => ({ n: n * 100 + i }));
    pages.push(new WeakRef(items));
    return { items, next: n < 3 ? n + 1 : undefined };
  };
  // Item by item: `for await` over the list holds one item, never the page it came from.
  let count = 0;
  for await (const item of new Paged(loader)) count += item.n >= 0 ? 1 : 0;
  assert.equal(count, 400);
  assert.deepEqual(seen, ['', '.', '..', '...']);
  // Page by page, with a consumer that keeps nothing (a `for await` binding of its own may keep the last page).
  pages.length = 0;
  seen.length = 0;
  const it = new Paged(loader).pages();
  const step = async () => (await it.next()).done;
  while (!(await step()));
  assert.deepEqual(seen, ['', '.', '..', '...']);
});

test('item iteration ends pages() on break and passes its errors on', async () => {
  let returned = false;
  const loader = async (token: unknown) => ({ items: [1, 2, 3], next: token === undefined ? 1 : undefined });
  const paged = new Paged<number>(loader);
  const original = paged.pages.bind(paged);
  paged.pages = async function* () {
    try {
      yield* original();
    } finally {
      returned = true;
    }
  };
  for await (const x of paged) if (x === 2) break;
  assert.equal(returned, true, 'break ends pages()');
  const failing = new Paged<number>(async (token) => {
    if (token !== undefined) throw new Error('page 2 failed');
    return { items: [1], next: 1 };
  });
  const got: number[] = [];
  await assert.rejects(
    (async () => {
      for await (const x of failing) got.push(x);
    })(),
    /page 2 failed/,
  );
  assert.deepEqual(got, [1]);
});

test('a repeated token and a short list raise only after the page that shows it is yielded', async () => {
  const repeating = new Paged<number>(async (token) => (token === undefined ? { items: [1, 2], next: 'c1' } : { items: [3], next: 'c1' }));
  const got: number[] = [];
  const err = await (async () => {
    for await (const x of repeating) got.push(x);
  })().catch((e: unknown) => e);
  assert.ok(err instanceof PaginationError);
  assert.deepEqual(got, [1, 2, 3], 'the items of the repeating page are kept');
  assert.equal(repeating.complete, false);

  const short = new Paged<number>(async (token) => (token === undefined ? { items: [1, 2], next: 2, total: 5 } : { items: [3], total: 5 }));
  const seen: number[] = [];
  const shortErr = await (async () => {
    for await (const x of short) seen.push(x);
  })().catch((e: unknown) => e);
  assert.ok(shortErr instanceof PaginationError);
  assert.match((shortErr as Error).message, /ended after 3 of the 5 items/);
  assert.deepEqual(seen, [1, 2, 3]);
  assert.equal(short.complete, false, 'complete only when the totals agree');

  const whole = new Paged<number>(async (token) => (token === undefined ? { items: [1, 2], next: 2, total: 3 } : { items: [3], total: 3 }));
  assert.deepEqual(await whole.all(), [1, 2, 3]);
  assert.equal(whole.complete, true);
});

test('await on a Paged gives every item once; iterating still works; a dry-run proxy leaves it a list', async () => {
  let loads = 0;
  const make = () =>
    new Paged<number>(async (token) => {
      loads++;
      return token === undefined ? { items: [1, 2], next: 2 } : { items: [3] };
    });
  const paged = make();
  const items = await paged;
  assert.deepEqual(items, [1, 2, 3]);
  assert.equal(items.length, 3, 'a real array');
  assert.deepEqual(await paged, [1, 2, 3]);
  assert.equal(loads, 2, 'awaited twice, fetched once');
  const seen: number[] = [];
  for await (const x of make()) seen.push(x);
  assert.deepEqual(seen, [1, 2, 3]);
  const failing = new Paged<number>(async () => {
    throw new Error('boom');
  });
  assert.equal(await failing.catch((e: unknown) => (e as Error).message), 'boom');
  const facade = dryRunnable({ list: () => make(), async get() { return 1; } });
  const list = facade.list();
  assert.ok(list instanceof Paged, 'the proxy passes the Paged through, still iterable');
  assert.deepEqual(await list, [1, 2, 3]);
});

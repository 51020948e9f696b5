import type { TritonContext } from './context.js';

/**
 * Sends a change to a machine and remembers when the server answered it (the reply's `Date`,
 * which the server's own audit times are comparable with). Where the header cannot be read (a
 * browser without `Access-Control-Expose-Headers: Date`) the client clock stands in.
 * @internal
 */
export async function sendChange<R extends { response: Response }>(dc: TritonContext, machine: string, call: Promise<R>): Promise<unknown> {
  const { data, response } = await dc.api.unwrapResponse(call);
  const date = Date.parse(response.headers.get('date') ?? '');
  dc.changes.set(machine, Number.isFinite(date) ? date : (dc.options.now ?? Date.now)());
  return data;
}

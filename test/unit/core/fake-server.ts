/**
 * A scripted fetch for core tests: answers each request with the next scripted reply and records
 * what arrived (body bytes included), so retries, replays and signing can be checked on the wire.
 */
export interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type Reply = Response | Error | ((req: Request) => Response | Promise<Response>);

export function scripted(...replies: Reply[]) {
  const seen: Seen[] = [];
  let i = 0;
  const fetch = async (req: Request): Promise<Response> => {
    seen.push({
      method: req.method,
      url: req.url,
      headers: Object.fromEntries(req.headers),
      body: req.body ? await req.text() : '',
    });
    const r = replies[Math.min(i++, replies.length - 1)];
    if (r instanceof Error) throw r;
    if (typeof r === 'function') return r(req);
    return (r as Response).clone();
  };
  return { fetch, seen };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const noSleep = async () => {};

import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { isNullBodyStatus, type SimOutcome } from '../sim/index.js';

/**
 * Acts a simulator outcome out on a real socket: resets drop the TCP connection with no
 * response, truncations announce the full Content-Length then break the connection after
 * `bytes`, so foreign clients see genuine network failures rather than opskit's stand-ins.
 */
export async function writeOutcome(outcome: SimOutcome, res: ServerResponse, method: string): Promise<void> {
  const socket = res.socket;
  switch (outcome.type) {
    case 'reset':
      if (socket !== null) {
        // An RST (where available) is what a crashed or overloaded peer looks like.
        if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
        else socket.destroy();
      }
      return;
    case 'truncate': {
      const headers = headerRecord(outcome.headers);
      headers['content-length'] = String(outcome.body.length);
      res.writeHead(outcome.status, statusText(outcome.statusText), headers);
      const cut = Math.min(outcome.bytes, outcome.body.length);
      if (cut > 0) res.write(outcome.body.subarray(0, cut));
      else res.flushHeaders();
      // end() flushes what was written, then closes: the client sees a short body.
      socket?.end();
      return;
    }
    case 'response': {
      const { response } = outcome;
      res.writeHead(response.status, statusText(response.statusText), headerRecord(response.headers));
      if (response.body === null || method === 'HEAD' || isNullBodyStatus(response.status)) {
        await response.body?.cancel();
        res.end();
        return;
      }
      // pipeline destroys the socket if the body stream errors, so a broken body
      // reaches the client as a broken connection instead of a silently short one.
      await pipeline(Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>), res);
      return;
    }
  }
}

function headerRecord(headers: Headers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of headers) {
    if (name !== 'set-cookie') out[name] = value;
  }
  // Headers joins repeated values with ", ", which corrupts cookies; keep them apart.
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  return out;
}

// An empty reason phrase would be sent as-is ("HTTP/1.1 401 "); undefined lets Node use the standard one.
function statusText(text: string): string | undefined {
  return text === '' ? undefined : text;
}

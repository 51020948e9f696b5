/**
 * What a simulator decided to do with a request. A plain `Response` cannot express
 * "drop the connection" or "break the body after N bytes", and those must be real on
 * the wire when the simulator is served over TCP, so the simulator returns this
 * description and each transport (in-process fetch, node:http) acts it out.
 */
export type SimOutcome =
  /** An ordinary response. */
  | { type: 'response'; response: Response }
  /** Drop the connection without any response. */
  | { type: 'reset' }
  /**
   * Send status and headers announcing the full `body` length, then only the first
   * `bytes` of `body`, then break the connection.
   */
  | { type: 'truncate'; status: number; statusText: string; headers: Headers; body: Uint8Array; bytes: number };

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * Acts an outcome out the way `fetch` would observe it over a real network: a reset
 * rejects with `TypeError`, a truncated body errors with `TypeError` once its first
 * `bytes` have been read.
 */
export function outcomeToResponse(outcome: SimOutcome): Response {
  switch (outcome.type) {
    case 'response':
      return outcome.response;
    case 'reset':
      throw new TypeError('fetch failed', { cause: new Error('simulated connection reset') });
    case 'truncate': {
      const { body, bytes } = outcome;
      const headers = new Headers(outcome.headers);
      if (NULL_BODY_STATUS.has(outcome.status)) {
        return new Response(null, { status: outcome.status, statusText: outcome.statusText, headers });
      }
      headers.set('content-length', String(body.length));
      let delivered = false;
      const stream = new ReadableStream<Uint8Array>({
        // Pull-driven because erroring a stream discards chunks still queued: the first
        // `bytes` must be readable before the failure, as they would be off a socket.
        pull(controller) {
          if (!delivered) {
            delivered = true;
            if (bytes > 0) {
              controller.enqueue(body.slice(0, bytes));
              return;
            }
          }
          // Error only when the cut is real: a cut past the end delivers the whole body,
          // exactly as a client that already received Content-Length bytes would see it.
          if (bytes < body.length) controller.error(new TypeError('terminated', { cause: new Error('simulated truncated body') }));
          else controller.close();
        },
      });
      return new Response(stream, { status: outcome.status, statusText: outcome.statusText, headers });
    }
  }
}

/** Whether a status forbids a response body (so transports must not send one). */
export function isNullBodyStatus(status: number): boolean {
  return NULL_BODY_STATUS.has(status);
}

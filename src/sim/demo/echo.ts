import type { Hono } from 'hono/tiny';

/**
 * `/echo` (any method): reflects the request as JSON. Tests use it to see exactly what a
 * client sent (signed headers, retried bodies) without digging in the request log.
 */
export function echoRoute(app: Hono): void {
  app.all('/echo', async (c) => {
    const body = await c.req.text();
    return c.json({
      method: c.req.method,
      url: c.req.url,
      headers: Object.fromEntries(c.req.raw.headers),
      body,
    });
  });
}

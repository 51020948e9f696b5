import { errorReply, internalError, MistSimError, notFoundPage } from './replies.js';

/** What a route handler receives. */
export interface RouteContext {
  readonly request: Request;
  /** Path parameters, percent-decoded (a key name with `/`, `?` or `#` arrives whole). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /**
   * The JSON body, as Pyramid's `json_body`: read whatever the Content-Type; an empty or invalid
   * body throws (the server's views then fail with a bare 500).
   */
  body(): Promise<Record<string, unknown>>;
  /** The JSON body, or undefined when there is none or it does not parse (views that tolerate that). */
  bodyOrUndefined(): Promise<Record<string, unknown> | undefined>;
}

export type Handler = (ctx: RouteContext) => Response | Promise<Response>;

/** Thrown for a body that is not a JSON object: the server answers `500 Internal Server Error`. */
class BodyError extends Error {}

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
  open: boolean;
}

/**
 * A small router over raw path segments. Each segment is percent-decoded after splitting, so a
 * key name holding `/` (sent as `%2F`) is one parameter, which a router matching the decoded path
 * would split. Pyramid's request-method predicates make another method on a known path a 404.
 */
export class MistRouter {
  readonly #routes: Route[] = [];

  /** Adds a route; `open` routes skip the auth check (only `POST /auth`). */
  on(method: string, pattern: string, handler: Handler, options: { open?: boolean } = {}): this {
    this.#routes.push({ method, segments: pattern.split('/').slice(1), handler, open: options.open === true });
    return this;
  }

  /** The route and parameters for a request, or undefined. */
  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
    const raw = pathname.split('/').slice(1);
    let decoded: string[];
    try {
      decoded = raw.map((s) => decodeURIComponent(s));
    } catch {
      return undefined;
    }
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== decoded.length) continue;
      const params: Record<string, string> = {};
      let hit = true;
      for (let i = 0; i < route.segments.length && hit; i++) {
        const want = route.segments[i] as string;
        const got = decoded[i] as string;
        if (want.startsWith(':')) {
          if (got === '') hit = false;
          else params[want.slice(1)] = got;
        } else if (want !== got) hit = false;
      }
      if (hit) return { route, params };
    }
    return undefined;
  }

  /** Answers a request; `authorize` runs before every route that is not open. */
  async handle(request: Request, authorize: (request: Request) => void): Promise<Response> {
    const url = new URL(request.url);
    const found = this.match(request.method, url.pathname);
    if (!found) return notFoundPage();
    let text: string | undefined;
    const readText = async () => (text ??= await request.text());
    const parse = async (): Promise<Record<string, unknown> | undefined> => {
      const t = await readText();
      if (t.trim() === '') return undefined;
      try {
        const v = JSON.parse(t) as unknown;
        return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    };
    const ctx: RouteContext = {
      request,
      params: found.params,
      query: url.searchParams,
      async body() {
        const v = await parse();
        if (v === undefined) throw new BodyError('no JSON object body');
        return v;
      },
      bodyOrUndefined: parse,
    };
    try {
      if (!found.route.open) authorize(request);
      return await found.route.handler(ctx);
    } catch (e) {
      if (e instanceof MistSimError) return errorReply(e);
      // Anything else is what the server calls a non-mist exception: a bare 500.
      return internalError();
    }
  }
}

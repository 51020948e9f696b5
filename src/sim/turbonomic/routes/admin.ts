import type { RouteEnv } from './context.js';

/** `GET admin/versions`: readable without a session (clients probe it first). */
export function adminRoutes({ app, b, ctx }: RouteEnv): void {
  app.get(`${b}/admin/versions`, (c) => c.json(ctx.state.version));
}

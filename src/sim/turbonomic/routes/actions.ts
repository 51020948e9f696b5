import { SimError } from '../../app.js';
import { mustGet, view } from '../lookup.js';
import { param, type RouteEnv } from './context.js';

/** `GET actions/{uuid}` and `POST actions/{uuid}?accept=true|false`. */
export function actionRoutes({ app, b, ctx }: RouteEnv): void {
  const { state } = ctx;
  app.get(`${b}/actions/:uuid`, (c) => c.json(view(mustGet(state.actions, param(c, 'uuid'), 'Action'))));
  app.post(`${b}/actions/:uuid`, (c) => {
    const action = mustGet(state.actions, param(c, 'uuid'), 'Action');
    const accept = c.req.query('accept');
    // Spring reads booleans case-insensitively, so upstream's lowercase and Python's `True` both work.
    if (accept === undefined || !/^(true|false)$/i.test(accept)) throw new SimError(400, 'BAD_REQUEST', 'accept must be true or false');
    if (action.actionState !== 'READY') throw new SimError(400, 'BAD_REQUEST', `Action ${action.uuid} is ${String(action.actionState)}, not READY`);
    state.actions.update(action.id, { actionState: /^true$/i.test(accept) ? 'ACCEPTED' : 'REJECTED' });
    return c.json(true);
  });
}

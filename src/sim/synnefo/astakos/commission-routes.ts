import type { Hono } from 'hono';
import { componentOf, type AstakosContext } from './context.js';
import { asDict, badRequest, bare, empty, isoDate, jsonBody, reply } from './http.js';
import { CommissionError, issueCommission, parseProvisions, resolveCommission } from './quota-engine.js';

/** Commissions (protocol §2.6): service (component) tokens only. */
export function commissionRoutes(app: Hono, ctx: AstakosContext, prefix = '/account/v1.0'): void {
  const { state } = ctx;

  app.get(`${prefix}/commissions`, (c) => {
    const component = componentOf(ctx, c.req.raw);
    return reply([...state.commissions.values()].filter((x) => x.clientKey === component.name).map((x) => x.serial));
  });

  app.post(`${prefix}/commissions`, async (c) => {
    const component = componentOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    const force = body.force ?? false;
    const autoAccept = body.auto_accept ?? false;
    const name = body.name ?? '';
    try {
      const provisions = parseProvisions(body.provisions);
      if (typeof force !== 'boolean') throw new CommissionError(400, 'badRequest', '"force" option should be a boolean.');
      if (typeof autoAccept !== 'boolean') throw new CommissionError(400, 'badRequest', '"auto_accept" option should be a boolean.');
      if (typeof name !== 'string') throw new CommissionError(400, 'badRequest', 'Commission name should be a string.');
      const serial = issueCommission(state, component.name, provisions, { name, force, accept: autoAccept, now: ctx.clock.now() });
      return reply({ serial }, 201);
    } catch (e) {
      // Astakos answers these itself, with the quotaholder's `data` beside the message.
      if (e instanceof CommissionError) return reply(e.body(), e.status);
      throw e;
    }
  });

  app.post(`${prefix}/commissions/action`, async (c) => {
    const component = componentOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    const accept = body.accept ?? [];
    const reject = body.reject ?? [];
    if (!Array.isArray(accept) || !Array.isArray(reject)) throw badRequest('accept and reject should be lists of serials');
    const result = { accepted: [] as number[], rejected: [] as number[], failed: [] as unknown[] };
    const both = new Set(accept.filter((s) => reject.includes(s)));
    for (const [list, isAccept] of [[accept, true], [reject, false]] as const) {
      for (const serial of list) {
        if (both.has(serial)) {
          if (isAccept) result.failed.push([serial, { badRequest: { code: 400, message: `cannot both accept and reject serial ${serial}` } }]);
          continue;
        }
        if (typeof serial === 'number' && resolveCommission(state, serial, component.name, isAccept)) (isAccept ? result.accepted : result.rejected).push(serial);
        else result.failed.push([serial, { itemNotFound: { code: 404, message: `serial ${String(serial)} does not exist` } }]);
      }
    }
    return reply(result);
  });

  app.get(`${prefix}/commissions/:serial{[0-9]+}`, (c) => {
    const component = componentOf(ctx, c.req.raw);
    const commission = state.commissions.get(Number(c.req.param('serial')));
    // An unknown serial is a bare 404: Astakos answers it without a fault body.
    if (!commission || commission.clientKey !== component.name) return bare(404);
    return reply({ serial: commission.serial, issue_time: isoDate(commission.issueTime), name: commission.name, provisions: commission.provisions });
  });

  app.post(`${prefix}/commissions/:serial{[0-9]+}/action`, async (c) => {
    const component = componentOf(ctx, c.req.raw);
    const body = asDict(await jsonBody(c.req.raw));
    const serial = Number(c.req.param('serial'));
    const accept = 'accept' in body;
    const reject = 'reject' in body;
    if (accept === reject) throw badRequest(accept ? 'Multiple actions not supported' : 'No recognized action');
    if (!resolveCommission(state, serial, component.name, accept)) return bare(404);
    return empty(200);
  });
}

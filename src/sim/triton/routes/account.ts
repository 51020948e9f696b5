import { SimError } from '../../app.js';
import { bool, str } from '../input.js';
import { SERVER_VERSIONS, type createRouter } from '../router.js';
import { iso } from '../state.js';
import { accountView } from '../views.js';

type Router = ReturnType<typeof createRouter>;
const PROFILE = ['email', 'companyName', 'firstName', 'lastName', 'address', 'postalCode', 'city', 'state', 'country', 'phone'];

/** Ping, account, limits, config, datacenters and services. */
export function accountRoutes({ route }: Router): void {
  route('GET', '/--ping', 'Ping', { anonymous: true }, (r) =>
    r.c.json({ ping: 'pong', cloudapi: { versions: [...SERVER_VERSIONS] } }, 200, { 'triton-datacenter-name': 'us-sim-1' }),
  );

  // lib/docs.js: the root and /docs redirect to the API documentation, without authentication.
  const toDocs = (location: string) => () => new Response(null, { status: 302, headers: { location, 'content-length': '0' } });
  route('GET', '/', 'Docs', { anonymous: true }, toDocs('http://apidocs.joyent.com/cloudapi/'));
  route('GET', '/docs', 'Docs', { anonymous: true }, toDocs('http://apidocs.joyent.com/cloudapi/'));
  route('GET', '/favicon.ico', 'Favicon', { anonymous: true }, toDocs('http://apidocs.joyent.com/favicon.ico'));

  route('GET', '/:login', 'GetAccount', {}, (r) => r.c.json(accountView(r.account)));

  route('POST', '/:login', 'UpdateAccount', {}, (r) => {
    for (const f of PROFILE) {
      const v = str(r.input, f);
      if (v === undefined) continue;
      if (f === 'email') r.account.email = v;
      else r.account.profile[f] = v;
    }
    const cns = bool(r.input, 'triton_cns_enabled');
    if (cns !== undefined) r.account.triton_cns_enabled = cns;
    r.account.updated = iso(r.now);
    return r.c.json(accountView(r.account));
  });

  route('GET', '/:login/limits', 'GetAccountLimits', {}, (r) => {
    const mine = [...r.ctx.state.machines.values()].filter((m) => m.owner === r.account.id && m.state !== 'deleted');
    return r.c.json(
      r.account.limits.map((l) => ({ ...l, used: l.by === 'machines' ? mine.length : l.by === 'ram' ? mine.reduce((n, m) => n + m.memory, 0) : mine.reduce((n, m) => n + m.disk, 0) / 1024 })),
    );
  });

  route('GET', '/:login/config', 'GetConfig', {}, (r) => r.c.json(r.account.config));

  route('PUT', '/:login/config', 'UpdateConfig', {}, (r) => {
    const net = str(r.input, 'default_network');
    if (net !== undefined) {
      const n = r.ctx.state.networks.get(net);
      if (!n || !n.fabric || n.owner !== r.account.id) throw new SimError(409, 'InvalidArgument', 'default_network must be one of your fabric networks');
      r.account.config.default_network = net;
    }
    return r.c.json(r.account.config);
  });

  const datacenters = (state: { datacenters: Record<string, string | null> }, origin: string): Record<string, string> =>
    Object.fromEntries(Object.entries(state.datacenters).map(([k, v]) => [k, v ?? origin]));

  route('GET', '/:login/datacenters', 'ListDatacenters', {}, (r) =>
    r.c.json(datacenters(r.ctx.state, r.origin), 200, { 'triton-datacenter-name': 'us-sim-1' }),
  );

  route('GET', '/:login/datacenters/:dc', 'GetDatacenter', {}, (r) => {
    const url = datacenters(r.ctx.state, r.origin)[r.params.dc!];
    if (!url) throw new SimError(404, 'ResourceNotFound', `${r.params.dc} is not a valid datacenter`);
    return r.c.json({ code: 'ResourceMoved', message: `${r.params.dc} ${url}` }, 302, { location: url });
  });

  const needsToken = (r: { c: { req: { header(n: string): string | undefined } } }) => {
    if (!r.c.req.header('x-auth-token')) {
      throw new SimError(403, 'Forbidden', 'method requires HTTP signature auth token delegated authorization');
    }
  };
  route('GET', '/:login/foreigndatacenters', 'ListForeignDatacenters', {}, (r) => {
    needsToken(r);
    return r.c.json(r.account.foreignDatacenters);
  });
  route('POST', '/:login/foreigndatacenters', 'AddForeignDatacenter', {}, (r) => {
    needsToken(r);
    r.account.foreignDatacenters[str(r.input, 'name', true)] = str(r.input, 'url', true);
    return r.c.json(r.account.foreignDatacenters);
  });

  route('GET', '/:login/services', 'ListServices', {}, (r) =>
    r.c.json({ cloudapi: r.origin, docker: 'tcp://docker.us-sim-1.sim.invalid:2376', manta: 'https://manta.sim.invalid' }),
  );
}

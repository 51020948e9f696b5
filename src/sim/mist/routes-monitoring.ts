import type { MistSimContext } from './context.js';
import {
  badRequest,
  json,
  machineUnauthorized,
  missing,
  notAuthorized,
  paymentRequired,
  serviceUnavailable,
} from './replies.js';
import type { MistRouter, RouteContext } from './router.js';
import { BUILTIN_METRICS, datapoints, DEFAULT_METRICS, MAX_POINTS } from './stats.js';

/** The server reads these from a JSON body when one parses, else from the query string. */
async function params(c: RouteContext): Promise<Record<string, unknown>> {
  return (await c.bodyOrUndefined()) ?? Object.fromEntries(c.query);
}

/** Monitoring: enable/disable (with the deploy command and the plan's limit), metrics, python plugins, stats, the overview. */
export function monitoringRoutes(router: MistRouter, sim: MistSimContext, options: { machineLimit: number; statsSeed: number }): void {
  const { state } = sim;
  /** A standalone server talks to the hosted service with the token it kept from `/auth`. */
  const needCore = () => {
    if (state.mode === 'standalone' && !state.coreToken) throw serviceUnavailable('Not authorized');
  };
  const monitoredCount = () => {
    let n = 0;
    for (const cloud of state.clouds.values()) for (const m of cloud.machines.values()) if (m.monitored) n++;
    return n;
  };

  router.on('POST', '/backends/:backend/machines/:machine/monitoring', async (c) => {
    const body = await c.body();
    if (state.mode === 'standalone' && !state.coreToken) {
      const email = typeof body.email === 'string' ? body.email : '';
      const password = typeof body.password === 'string' ? body.password : '';
      if (!email || !password || email.toLowerCase() !== state.account.email.toLowerCase() || password !== state.account.password) {
        throw notAuthorized('You need to authenticate to mist.io.');
      }
      state.coreToken = sim.random.hex(32);
    }
    // `body['action'] or 'enable'`: a missing key is a KeyError (a bare 500), an empty one means enable.
    if (!('action' in body)) throw new Error('action');
    const action = typeof body.action === 'string' && body.action !== '' ? body.action : 'enable';
    const backend = sim.backend(c.params.backend as string);
    const { machine } = sim.machine(backend, c.params.machine as string);
    if (action === 'enable') {
      if (!machine.monitored && monitoredCount() >= options.machineLimit) {
        throw paymentRequired(`Your plan (${state.account.plan.title}) allows monitoring up to ${options.machineLimit} machines`);
      }
      const uuid = machine.uuid;
      const deployKwargs = { uuid, collectd_password: sim.random.hex(8), monitor: 'monitor1.mist.io' };
      const query = Object.entries(deployKwargs).map(([k, v]) => `${k}=${v}`).join('&');
      const reply = {
        host: machine.public_ips[0] ?? null,
        deploy_kwargs: deployKwargs,
        command: `wget -O -  'https://mist.io/deploy_script?${query}' | \`command -v sudo\` bash`,
      };
      if (body.dry === true) return json(reply);
      if (!machine.monitored) {
        machine.monitored = true;
        machine.monitoredSince = sim.now();
        for (const m of DEFAULT_METRICS) machine.metrics.add(m);
      }
      return json(reply);
    }
    if (action === 'disable') {
      machine.monitored = false;
      return json({ cmd_output: null });
    }
    throw badRequest();
  });

  router.on('GET', '/monitoring', () => {
    needCore();
    const machines: [string, string][] = [];
    const custom: Record<string, unknown> = {};
    for (const [backendId, cloud] of state.clouds) {
      if (!state.backends.has(backendId)) continue;
      for (const m of cloud.machines.values()) {
        if (m.monitored) machines.push([backendId, m.id]);
        for (const [id, p] of m.plugins) custom[`mist.python.${id}`] = { name: p.name, unit: p.unit, backend_id: backendId, machine_id: m.id };
      }
    }
    const builtin = Object.fromEntries(Object.entries(BUILTIN_METRICS).map(([id, m]) => [id, { name: m.name, unit: m.unit }]));
    return json({ current_plan: state.account.plan, machines, custom_metrics: custom, builtin_metrics: builtin, rules: {} });
  });

  const monitoredMachine = (c: RouteContext) => {
    needCore();
    const backend = sim.backend(c.params.backend as string);
    const { machine } = sim.machine(backend, c.params.machine as string);
    if (!machine.monitored) throw serviceUnavailable(`Machine ${machine.id} is not monitored`);
    return { backend, machine };
  };

  router.on('GET', '/backends/:backend/machines/:machine/metrics', (c) => {
    const { machine } = monitoredMachine(c);
    const out: Record<string, unknown> = {};
    for (const [id, m] of Object.entries(BUILTIN_METRICS)) out[id] = { name: m.name, unit: m.unit, max_value: m.max_value, min_value: m.min_value, priority: m.priority };
    for (const [id, p] of machine.plugins) out[`mist.python.${id}`] = { name: p.name, unit: p.unit ?? '', max_value: null, min_value: null, priority: 100 };
    return json(out);
  });

  const metricChange = (add: boolean) => async (c: RouteContext) => {
    const p = await params(c);
    const metricId = typeof p.metric_id === 'string' ? p.metric_id : '';
    if (!metricId) throw missing('metric_id');
    const { machine } = monitoredMachine(c);
    const known = metricId in BUILTIN_METRICS || (metricId.startsWith('mist.python.') && machine.plugins.has(metricId.slice(12)));
    if (!known) throw serviceUnavailable(`Unknown metric ${metricId}`);
    if (add) machine.metrics.add(metricId);
    else machine.metrics.delete(metricId);
    return json({});
  };
  router.on('PUT', '/backends/:backend/machines/:machine/metrics', metricChange(true));
  router.on('DELETE', '/backends/:backend/machines/:machine/metrics', metricChange(false));

  router.on('GET', '/backends/:backend/machines/:machine/stats', (c) => {
    const { machine } = monitoredMachine(c);
    const now = sim.seconds();
    const num = (name: string, fallback: number) => {
      const raw = c.query.get(name);
      if (raw === null || raw === '' || raw === 'None') return fallback;
      const v = Number(raw);
      if (!Number.isFinite(v)) throw badRequest(`Invalid ${name}: ${raw}`);
      return Math.floor(v);
    };
    const step = num('step', 10);
    const stop = num('stop', now);
    const start = num('start', stop - 60 * step);
    if (step <= 0) throw badRequest('step must be positive');
    if (stop < start) throw badRequest('stop is before start');
    const points = Math.floor((stop - start) / step) + 1;
    if (points > MAX_POINTS) throw badRequest(`${points} datapoints requested, at most ${MAX_POINTS}: use a bigger step`);
    const out: Record<string, unknown> = {};
    for (const metric of machine.metrics) {
      const plugin = metric.startsWith('mist.python.') ? machine.plugins.get(metric.slice(12)) : undefined;
      const info = BUILTIN_METRICS[metric];
      out[metric] = {
        name: plugin?.name ?? info?.name ?? metric,
        unit: plugin?.unit ?? info?.unit ?? '',
        datapoints: datapoints(options.statsSeed, machine.id, metric, start, stop, step, now),
      };
    }
    return json(out);
  });

  router.on('POST', '/backends/:backend/machines/:machine/plugins/:plugin', async (c) => {
    const p = await params(c);
    const pluginId = c.params.plugin as string;
    const pluginType = p.plugin_type;
    if (pluginType !== 'python') throw badRequest(`Invalid plugin_type: '${String(pluginType)}'`);
    const valueType = typeof p.value_type === 'string' && p.value_type !== '' ? p.value_type : 'gauge';
    const readFunction = typeof p.read_function === 'string' ? p.read_function : '';
    const host = typeof p.host === 'string' ? p.host : '';
    if (!readFunction) throw missing('read_function');
    if (!host) throw missing('host');
    if (!/^[a-z0-9_]+$/.test(pluginId)) {
      throw badRequest(`Invalid plugin_id '${pluginId}'.plugin_id can only lower case chars, numeric digits andunderscores`);
    }
    if (pluginId.startsWith('_') || pluginId.endsWith('_')) throw badRequest(`Invalid plugin_id '${pluginId}'. plugin_id can't start or end with an underscore.`);
    if (valueType !== 'gauge' && valueType !== 'derive') throw badRequest(`Invalid value_type '${valueType}'. Must be 'gauge' or 'derive'.`);
    const backend = sim.backend(c.params.backend as string);
    const { machine } = sim.machine(backend, c.params.machine as string);
    if (!sim.canSsh(backend.id, machine)) throw machineUnauthorized();
    // The server runs read() three times before installing; code without a read() fails that test.
    if (!/^def read\s*\(/m.test(readFunction)) {
      throw badRequest(`Traceback (most recent call last):\nImportError: cannot import name read\n\nERROR DEPLOYING PLUGIN\n`);
    }
    const name = typeof p.name === 'string' && p.name !== '' ? p.name : pluginId;
    const unit = typeof p.unit === 'string' ? p.unit : null;
    machine.plugins.set(pluginId, { name, unit, valueType });
    machine.metrics.add(`mist.python.${pluginId}`);
    const stdout = `READ FUNCTION TEST PASSED\nAdding Import line for plugin in plugins/mist-python/include.conf\nRestarting collectd\n`;
    return json({ metric_id: `mist.python.${pluginId}`, stdout });
  });

  router.on('DELETE', '/backends/:backend/machines/:machine/plugins/:plugin', async (c) => {
    const p = await params(c);
    const pluginId = c.params.plugin as string;
    if (p.plugin_type !== 'python') throw badRequest(`Invalid plugin_type: '${String(p.plugin_type)}'`);
    if (typeof p.host !== 'string' || p.host === '') throw missing('host');
    const backend = sim.backend(c.params.backend as string);
    const { machine } = sim.machine(backend, c.params.machine as string);
    if (!sim.canSsh(backend.id, machine)) throw machineUnauthorized();
    machine.plugins.delete(pluginId);
    machine.metrics.delete(`mist.python.${pluginId}`);
    return json({ metric_id: null, stdout: `Removing Include line for plugin conf from plugins/mist-python/include.conf\nRestarting collectd\n` });
  });
}

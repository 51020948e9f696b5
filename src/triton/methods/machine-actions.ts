import { ConfigError } from '../../core/errors/config-error.js';
import { checkOptions } from '../../core/options.js';
import { encodePathParams, substitutePath } from '../../core/path-params.js';
import { sendChange } from '../changes.js';
import { EXPIRES_OPTION } from '../option-names.js';
import { presignUrl } from '../../crypto/http-signature/presign-url.js';
import type { TritonContext } from '../context.js';
import type { operations } from '../generated/triton-cloudapi.js';
import type { AuditEntry } from '../types.js';

type Action = NonNullable<operations['updateMachine']['parameters']['query']>['action'];

async function act(dc: TritonContext, machine: string, action: Action, extra: { package?: string; name?: string } = {}): Promise<void> {
  await sendChange(dc, machine, dc.api.api.POST('/{login}/machines/{machine}', { params: { path: dc.p({ machine }), query: { action, ...extra } } }));
}

/**
 * A pre-signed WebSocket URL for a path template under this DataCenter's login. The URL is built
 * here, not by the core client, so the core's path-parameter check is applied here: `..` or
 * `a/../b` as a machine id would otherwise sign a URL for another resource.
 */
async function presignedWs(dc: TritonContext, op: string, template: string, params: Record<string, unknown>, expires: number | undefined): Promise<string> {
  if (!dc.signer || !dc.keyId) throw new ConfigError('a pre-signed URL needs a key or signer');
  const path = substitutePath(template, encodePathParams(op, template, { login: dc.login, ...params }, undefined));
  const url = await presignUrl(`${dc.baseUrl}${path}`, {
    keyId: dc.keyId,
    signer: dc.signer,
    methods: ['GET'],
    ...(expires !== undefined ? { expires } : {}),
    ...(dc.options.now ? { now: dc.options.now } : {}),
  });
  return url.replace(/^http/, 'ws');
}

/** Machine actions (UpdateMachine), deletion, audit, VNC and the change feed. */
export const machineActionMethods = {
  /** StartMachine (`?action=start`): 202, asynchronous. */
  startMachine(this: TritonContext, machine: string): Promise<void> {
    return act(this, machine, 'start');
  },
  /** StopMachine. */
  stopMachine(this: TritonContext, machine: string): Promise<void> {
    return act(this, machine, 'stop');
  },
  /** RebootMachine (no lasting state change: watch MachineAudit for `reboot`). */
  rebootMachine(this: TritonContext, machine: string): Promise<void> {
    return act(this, machine, 'reboot');
  },
  /** ResizeMachine to a package name or id (a package object gives its `name`, else `id`). */
  async resizeMachine(this: TritonContext, machine: string, pkg: string | { id?: string; name?: string }): Promise<void> {
    const name = typeof pkg === 'string' ? pkg : pkg && typeof pkg === 'object' ? (pkg.name ?? pkg.id) : undefined;
    if (typeof name !== 'string' || name === '') throw new ConfigError('DataCenter.resizeMachine(): package must be a package name or id, or a package object with one; nothing was sent');
    return act(this, machine, 'resize', { package: name });
  },
  /** RenameMachine. */
  renameMachine(this: TritonContext, machine: string, name: string): Promise<void> {
    return act(this, machine, 'rename', { name });
  },
  /** EnableMachineFirewall. */
  enableMachineFirewall(this: TritonContext, machine: string): Promise<void> {
    return act(this, machine, 'enable_firewall');
  },
  /** DisableMachineFirewall. */
  disableMachineFirewall(this: TritonContext, machine: string): Promise<void> {
    return act(this, machine, 'disable_firewall');
  },
  /** EnableMachineDeletionProtection (8.6+). */
  enableMachineDeletionProtection(this: TritonContext, machine: string): Promise<void> {
    return act(this, machine, 'enable_deletion_protection');
  },
  /** DisableMachineDeletionProtection (8.6+). */
  disableMachineDeletionProtection(this: TritonContext, machine: string): Promise<void> {
    return act(this, machine, 'disable_deletion_protection');
  },
  /** DeleteMachine (409 while deletion protection is on; 410 when already gone). */
  async deleteMachine(this: TritonContext, machine: string): Promise<void> {
    await sendChange(this, machine, this.api.api.DELETE('/{login}/machines/{machine}', { params: { path: this.p({ machine }) } }));
  },
  /** MachineAudit, newest first. */
  machineAudit(this: TritonContext, machine: string): Promise<AuditEntry[]> {
    return this.api.GET('/{login}/machines/{machine}/audit', { params: { path: this.p({ machine }) } });
  },
  /**
   * A pre-signed `ws(s)://…/machines/:id/vnc` URL (ConnectMachineVNC): WebSockets cannot carry a
   * signed Authorization header, so the signature travels in the query. `expires` in unix seconds
   * (default now + 5 minutes).
   */
  async vncUrl(this: TritonContext, machine: string, options: { expires?: number } = {}): Promise<string> {
    checkOptions('DataCenter.vncUrl()', options, EXPIRES_OPTION);
    return presignedWs(this, 'connectMachineVNC', '/{login}/machines/{machine}/vnc', { machine }, options.expires);
  },
  /** ConnectMachineVNC: same as {@link vncUrl} (opskit opens no socket itself). */
  async connectMachineVNC(this: TritonContext, machine: string, options: { expires?: number } = {}): Promise<string> {
    checkOptions('DataCenter.connectMachineVNC()', options, EXPIRES_OPTION);
    return machineActionMethods.vncUrl.call(this, machine, options);
  },
  /** A pre-signed `ws(s)://…/changefeed` URL (GetChangefeed, 9.14+). */
  async changefeedUrl(this: TritonContext, options: { expires?: number } = {}): Promise<string> {
    checkOptions('DataCenter.changefeedUrl()', options, EXPIRES_OPTION);
    return presignedWs(this, 'getChangefeed', '/{login}/changefeed', {}, options.expires);
  },
  /** GetChangefeed: same as {@link changefeedUrl}. */
  async getChangefeed(this: TritonContext, options: { expires?: number } = {}): Promise<string> {
    checkOptions('DataCenter.getChangefeed()', options, EXPIRES_OPTION);
    return machineActionMethods.changefeedUrl.call(this, options);
  },
};

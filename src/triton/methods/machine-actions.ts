import { ConfigError } from '../../core/errors/config-error.js';
import { presignUrl } from '../../crypto/http-signature/presign-url.js';
import type { TritonContext } from '../context.js';
import type { operations } from '../generated/triton-cloudapi.js';
import type { AuditEntry } from '../types.js';

type Action = NonNullable<operations['updateMachine']['parameters']['query']>['action'];

async function act(dc: TritonContext, machine: string, action: Action, extra: { package?: string; name?: string } = {}): Promise<void> {
  await dc.api.POST('/{login}/machines/{machine}', { params: { path: dc.p({ machine }), query: { action, ...extra } } });
}

/** A pre-signed WebSocket URL for a path under this DataCenter's login. */
async function presignedWs(dc: TritonContext, path: string, expires: number | undefined): Promise<string> {
  if (!dc.signer || !dc.keyId) throw new ConfigError('a pre-signed URL needs a key or signer');
  const url = await presignUrl(`${dc.baseUrl}/${encodeURIComponent(dc.login)}${path}`, {
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
  resizeMachine(this: TritonContext, machine: string, pkg: string | { id?: string; name?: string }): Promise<void> {
    return act(this, machine, 'resize', { package: typeof pkg === 'string' ? pkg : (pkg.name ?? pkg.id ?? '') });
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
    await this.api.DELETE('/{login}/machines/{machine}', { params: { path: this.p({ machine }) } });
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
  vncUrl(this: TritonContext, machine: string, options: { expires?: number } = {}): Promise<string> {
    return presignedWs(this, `/machines/${encodeURIComponent(machine)}/vnc`, options.expires);
  },
  /** ConnectMachineVNC: same as {@link vncUrl} (opskit opens no socket itself). */
  connectMachineVNC(this: TritonContext, machine: string, options: { expires?: number } = {}): Promise<string> {
    return machineActionMethods.vncUrl.call(this, machine, options);
  },
  /** A pre-signed `ws(s)://…/changefeed` URL (GetChangefeed, 9.14+). */
  changefeedUrl(this: TritonContext, options: { expires?: number } = {}): Promise<string> {
    return presignedWs(this, '/changefeed', options.expires);
  },
  /** GetChangefeed: same as {@link changefeedUrl}. */
  getChangefeed(this: TritonContext, options: { expires?: number } = {}): Promise<string> {
    return machineActionMethods.changefeedUrl.call(this, options);
  },
};

import type { TritonContext } from '../context.js';
import type { FirewallRule, FirewallRuleCreate, FirewallRuleUpdate, MachineData } from '../types.js';

/** Cloud firewall rules. */
export const firewallMethods = {
  /** ListFirewallRules. */
  listFirewallRules(this: TritonContext): Promise<FirewallRule[]> {
    return this.api.GET('/{login}/fwrules', { params: { path: this.p() } });
  },
  /** GetFirewallRule. */
  getFirewallRule(this: TritonContext, rule: string): Promise<FirewallRule> {
    return this.api.GET('/{login}/fwrules/{rule}', { params: { path: this.p({ rule }) } });
  },
  /** CreateFirewallRule, e.g. `{ rule: 'FROM any TO all vms ALLOW tcp PORT 22', enabled: true }`. */
  createFirewallRule(this: TritonContext, body: FirewallRuleCreate): Promise<FirewallRule> {
    return this.api.POST('/{login}/fwrules', { params: { path: this.p() }, body });
  },
  /** UpdateFirewallRule. */
  updateFirewallRule(this: TritonContext, rule: string, body: FirewallRuleUpdate): Promise<FirewallRule> {
    return this.api.POST('/{login}/fwrules/{rule}', { params: { path: this.p({ rule }) }, body });
  },
  /** EnableFirewallRule. */
  enableFirewallRule(this: TritonContext, rule: string): Promise<FirewallRule> {
    return this.api.POST('/{login}/fwrules/{rule}/enable', { params: { path: this.p({ rule }) } });
  },
  /** DisableFirewallRule. */
  disableFirewallRule(this: TritonContext, rule: string): Promise<FirewallRule> {
    return this.api.POST('/{login}/fwrules/{rule}/disable', { params: { path: this.p({ rule }) } });
  },
  /** DeleteFirewallRule. */
  async deleteFirewallRule(this: TritonContext, rule: string): Promise<void> {
    await this.api.DELETE('/{login}/fwrules/{rule}', { params: { path: this.p({ rule }) } });
  },
  /** ListMachineFirewallRules: rules that apply to a machine. */
  listMachineFirewallRules(this: TritonContext, machine: string): Promise<FirewallRule[]> {
    return this.api.GET('/{login}/machines/{machine}/fwrules', { params: { path: this.p({ machine }) } });
  },
  /** ListFirewallRuleMachines: machines a rule applies to. */
  listFirewallRuleMachines(this: TritonContext, rule: string): Promise<MachineData[]> {
    return this.api.GET('/{login}/fwrules/{rule}/machines', { params: { path: this.p({ rule }) } });
  },
};

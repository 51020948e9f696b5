import type { TritonContext } from '../context.js';
import type { Policy, PolicyCreate, PolicyUpdate } from '../types.js';

/** RBAC policies (7.2+): Aperture rules such as `CAN listmachines AND getmachine`. */
export const policyMethods = {
  /** ListPolicies. */
  listPolicies(this: TritonContext): Promise<Policy[]> {
    return this.api.GET('/{login}/policies', { params: { path: this.p() } });
  },
  /** GetPolicy. */
  getPolicy(this: TritonContext, policy: string): Promise<Policy> {
    return this.api.GET('/{login}/policies/{policy}', { params: { path: this.p({ policy }) } });
  },
  /** CreatePolicy. */
  createPolicy(this: TritonContext, body: PolicyCreate): Promise<Policy> {
    return this.api.POST('/{login}/policies', { params: { path: this.p() }, body });
  },
  /** UpdatePolicy. */
  updatePolicy(this: TritonContext, policy: string, body: PolicyUpdate): Promise<Policy> {
    return this.api.POST('/{login}/policies/{policy}', { params: { path: this.p({ policy }) }, body });
  },
  /** DeletePolicy. */
  async deletePolicy(this: TritonContext, policy: string): Promise<void> {
    await this.api.DELETE('/{login}/policies/{policy}', { params: { path: this.p({ policy }) } });
  },
};

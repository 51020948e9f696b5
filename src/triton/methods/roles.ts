import type { TritonContext } from '../context.js';
import type { Role, RoleCreate, RoleUpdate } from '../types.js';

/** RBAC roles (7.2+; `members`/`policies` are objects with API 9). */
export const roleMethods = {
  /** ListRoles. */
  listRoles(this: TritonContext): Promise<Role[]> {
    return this.api.GET('/{login}/roles', { params: { path: this.p() } });
  },
  /** GetRole. */
  getRole(this: TritonContext, role: string): Promise<Role> {
    return this.api.GET('/{login}/roles/{role}', { params: { path: this.p({ role }) } });
  },
  /** CreateRole. */
  createRole(this: TritonContext, body: RoleCreate): Promise<Role> {
    return this.api.POST('/{login}/roles', { params: { path: this.p() }, body });
  },
  /** UpdateRole. */
  updateRole(this: TritonContext, role: string, body: RoleUpdate): Promise<Role> {
    return this.api.POST('/{login}/roles/{role}', { params: { path: this.p({ role }) }, body });
  },
  /** DeleteRole. */
  async deleteRole(this: TritonContext, role: string): Promise<void> {
    await this.api.DELETE('/{login}/roles/{role}', { params: { path: this.p({ role }) } });
  },
};

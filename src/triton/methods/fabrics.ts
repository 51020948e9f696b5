import type { TritonContext } from '../context.js';
import type { FabricNetworkCreate, FabricNetworkUpdate, FabricVlan, FabricVlanCreate, FabricVlanUpdate, Network } from '../types.js';

/** Fabric VLANs and their networks (7.3+). */
export const fabricMethods = {
  /** ListFabricVLANs. */
  listFabricVLANs(this: TritonContext): Promise<FabricVlan[]> {
    return this.api.GET('/{login}/fabrics/default/vlans', { params: { path: this.p() } });
  },
  /** CreateFabricVLAN (`vlan_id` 0–4095). */
  createFabricVLAN(this: TritonContext, body: FabricVlanCreate): Promise<FabricVlan> {
    return this.api.POST('/{login}/fabrics/default/vlans', { params: { path: this.p() }, body });
  },
  /** GetFabricVLAN. */
  getFabricVLAN(this: TritonContext, vlanId: number): Promise<FabricVlan> {
    return this.api.GET('/{login}/fabrics/default/vlans/{vlanId}', { params: { path: this.p({ vlanId }) } });
  },
  /** UpdateFabricVLAN. */
  updateFabricVLAN(this: TritonContext, vlanId: number, body: FabricVlanUpdate): Promise<FabricVlan> {
    return this.api.PUT('/{login}/fabrics/default/vlans/{vlanId}', { params: { path: this.p({ vlanId }) }, body });
  },
  /** DeleteFabricVLAN. */
  async deleteFabricVLAN(this: TritonContext, vlanId: number): Promise<void> {
    await this.api.DELETE('/{login}/fabrics/default/vlans/{vlanId}', { params: { path: this.p({ vlanId }) } });
  },
  /** ListFabricNetworks. */
  listFabricNetworks(this: TritonContext, vlanId: number): Promise<Network[]> {
    return this.api.GET('/{login}/fabrics/default/vlans/{vlanId}/networks', { params: { path: this.p({ vlanId }) } });
  },
  /** CreateFabricNetwork. */
  createFabricNetwork(this: TritonContext, vlanId: number, body: FabricNetworkCreate): Promise<Network> {
    return this.api.POST('/{login}/fabrics/default/vlans/{vlanId}/networks', { params: { path: this.p({ vlanId }) }, body });
  },
  /** GetFabricNetwork. */
  getFabricNetwork(this: TritonContext, vlanId: number, network: string): Promise<Network> {
    return this.api.GET('/{login}/fabrics/default/vlans/{vlanId}/networks/{network}', { params: { path: this.p({ vlanId, network }) } });
  },
  /** UpdateFabricNetwork. */
  updateFabricNetwork(this: TritonContext, vlanId: number, network: string, body: FabricNetworkUpdate): Promise<Network> {
    return this.api.PUT('/{login}/fabrics/default/vlans/{vlanId}/networks/{network}', { params: { path: this.p({ vlanId, network }) }, body });
  },
  /** DeleteFabricNetwork. */
  async deleteFabricNetwork(this: TritonContext, vlanId: number, network: string): Promise<void> {
    await this.api.DELETE('/{login}/fabrics/default/vlans/{vlanId}/networks/{network}', { params: { path: this.p({ vlanId, network }) } });
  },
};

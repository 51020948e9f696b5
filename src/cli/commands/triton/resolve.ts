import { HttpError } from '../../../core/errors/http-error.js';
import type { DataCenter, FabricVlan, FirewallRule, Image, MachineData, Network, Package, Volume } from '../../../triton/index.js';
import { pathValueProblem } from '../../../core/path-params.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Joyent's short id: the first 8 characters of a UUID. */
const SHORT_ID = /^[0-9a-f]{8}$/i;

/** A name, short id or UUID that matches nothing (exit 1, like any failed look-up). */
export class NotFound extends Error {
  override name = 'NotFound';
}

function one<T extends { id?: string }>(kind: string, ref: string, hits: T[]): T {
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0) throw new NotFound(`no ${kind} with name or short id ${JSON.stringify(ref)} was found`);
  throw new NotFound(`${JSON.stringify(ref)} is ambiguous: ${hits.length} ${kind}s match (${hits.map((h) => h.id?.slice(0, 8)).join(', ')}); use the id`);
}

/** A reference no name, short id or UUID can be (`.`, `..`, `a/b`, control characters): refused before anything is sent. */
function checkRef(kind: string, ref: string): void {
  const problem = pathValueProblem(ref);
  if (problem) throw new UsageError(`not ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}: the name or id ${problem}; nothing was sent`);
}

const byShortId = <T extends { id?: string }>(items: T[], ref: string) => (SHORT_ID.test(ref) ? items.filter((i) => i.id?.slice(0, 8).toLowerCase() === ref.toLowerCase()) : []);

/**
 * Joyent's name resolution (node-triton's getInstance, getImage, …): a UUID is used as is, then an
 * exact name, then a short id (the first 8 characters of the UUID). Images also take
 * `name@version`; a bare name picks the most recently published version.
 */
export class Resolver {
  constructor(readonly dc: DataCenter, readonly io: CliIo) {}

  /**
   * An instance. A deleted one (410 Gone) resolves to the machine the server describes, with
   * state `deleted`, so that `wait --state deleted` and a second `delete` can see it.
   */
  async instance(ref: string): Promise<MachineData> {
    checkRef('instance', ref);
    if (UUID.test(ref)) {
      try {
        return await this.dc.getMachine(ref);
      } catch (e) {
        if (e instanceof HttpError && e.status === 410) {
          const body = e.body && typeof e.body === 'object' ? (e.body as MachineData) : ({ id: ref } as MachineData);
          return { ...body, state: 'deleted' };
        }
        if (e instanceof HttpError && e.status === 404) throw new NotFound(`no instance ${ref} was found`);
        throw e;
      }
    }
    const named = await this.dc.listMachines({ name: ref }).all();
    if (named.length > 0) return one('instance', ref, named);
    return one('instance', ref, byShortId(await this.dc.listMachines().all(), ref));
  }

  async instanceId(ref: string): Promise<string> {
    checkRef('instance', ref);
    return UUID.test(ref) ? ref : (await this.instance(ref)).id;
  }

  /** An image: UUID, `name@version`, name (latest published), or short id. */
  async image(ref: string): Promise<Image> {
    checkRef('image', ref);
    if (UUID.test(ref)) return this.dc.getImage(ref);
    const at = ref.lastIndexOf('@');
    if (at > 0) {
      const hits = await this.dc.listImages({ name: ref.slice(0, at), version: ref.slice(at + 1) });
      return one('image', ref, hits);
    }
    const named = await this.dc.listImages({ name: ref });
    if (named.length > 0) return [...named].sort((a, b) => String(b.published_at ?? '').localeCompare(String(a.published_at ?? '')))[0]!;
    return one('image', ref, byShortId(await this.dc.listImages(), ref));
  }

  /** A package: UUID, name, or short id. */
  async package(ref: string): Promise<Package> {
    checkRef('package', ref);
    if (UUID.test(ref)) return this.dc.getPackage(ref);
    const all = await this.dc.listPackages();
    const named = all.filter((p) => p.name === ref);
    return one('package', ref, named.length ? named : byShortId(all, ref));
  }

  /** A network: UUID, name, or short id. */
  async network(ref: string): Promise<Network> {
    checkRef('network', ref);
    if (UUID.test(ref)) return this.dc.getNetwork(ref);
    const all = await this.dc.listNetworks();
    const named = all.filter((n) => n.name === ref);
    return one('network', ref, named.length ? named : byShortId(all, ref));
  }

  async networkId(ref: string): Promise<string> {
    checkRef('network', ref);
    return UUID.test(ref) ? ref : (await this.network(ref)).id;
  }

  /** A firewall rule: UUID or short id. */
  async fwrule(ref: string): Promise<FirewallRule> {
    checkRef('firewall rule', ref);
    if (UUID.test(ref)) return this.dc.getFirewallRule(ref);
    return one('firewall rule', ref, byShortId(await this.dc.listFirewallRules(), ref));
  }

  /** A volume: UUID, name, or short id. */
  async volume(ref: string): Promise<Volume> {
    checkRef('volume', ref);
    if (UUID.test(ref)) return this.dc.getVolume(ref);
    const all = await this.dc.listVolumes().all();
    const named = all.filter((v) => v.name === ref);
    return one('volume', ref, named.length ? named : byShortId(all, ref));
  }

  /** A fabric VLAN: its number, or its name. */
  async vlan(ref: string): Promise<FabricVlan> {
    checkRef('VLAN', ref);
    if (/^\d+$/.test(ref)) return this.dc.getFabricVLAN(Number(ref));
    const named = (await this.dc.listFabricVLANs()).filter((v) => v.name === ref);
    if (named.length === 1) return named[0]!;
    throw new NotFound(named.length ? `${JSON.stringify(ref)} names ${named.length} VLANs; use the VLAN id` : `no VLAN named ${JSON.stringify(ref)} was found`);
  }
}

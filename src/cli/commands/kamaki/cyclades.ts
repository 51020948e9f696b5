import type { CommandGroup } from '../../command.js';
import { imageGroup } from './cyclades-image.js';
import { ipGroup, networkGroup, portGroup, subnetGroup } from './cyclades-network.js';
import { flavorGroup, keypairGroup, serverGroup } from './cyclades-server.js';
import { snapshotGroup, volumeGroup } from './cyclades-volume.js';

/**
 * kamaki's Cyclades command groups, by kamaki's group word: `server`, `flavor`, `keypair`,
 * `image`, `network`, `subnet`, `port`, `ip`, `volume`, `snapshot`. Results are JSON on stdout;
 * `--wait` reports progress on stderr. The kamaki commands left out are listed in
 * docs/synnefo-cyclades.md.
 */
export const cycladesGroups: Readonly<Record<string, CommandGroup>> = {
  server: serverGroup,
  flavor: flavorGroup,
  keypair: keypairGroup,
  image: imageGroup,
  network: networkGroup,
  subnet: subnetGroup,
  port: portGroup,
  ip: ipGroup,
  volume: volumeGroup,
  snapshot: snapshotGroup,
};

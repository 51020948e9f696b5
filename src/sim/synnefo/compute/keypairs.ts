import type { Hono } from 'hono';
import { decodeBase64 } from '../../../crypto/encoding/base64.js';
import { md5Fingerprint } from '../../../crypto/keys/fingerprint.js';
import { encodeOpenSshPrivateKey } from '../../../crypto/keys/formats/openssh-write.js';
import { generatePrivateKeySync } from '../../../crypto/keys/generate.js';
import { attribute, empty, fault, jsonBody, reply } from '../cyclades-http.js';
import type { KeypairRecord } from '../cyclades-records.js';
import { begin } from '../cyclades-request.js';
import { nextId } from '../cyclades-state.js';
import { SynnefoFault, type SynnefoSimHost } from '../host.js';
import { keypairView } from './views.js';

const MAX_KEYS = 100;

/** The MD5 fingerprint of an OpenSSH public key line, or undefined when it is not one. */
function fingerprintOf(publicKey: string): string | undefined {
  const m = /^(ssh-rsa|ssh-dss|ssh-ed25519|ecdsa-sha2-nistp(?:256|384|521))\s+([A-Za-z0-9+/=]+)(\s.*)?$/.exec(publicKey.trim());
  if (!m) return undefined;
  try {
    return md5Fingerprint(decodeBase64(m[2]!));
  } catch {
    return undefined;
  }
}

/** SSH key pairs (`/os-keypairs`): the list is double-wrapped. */
export function keypairRoutes(app: Hono, host: SynnefoSimHost): void {
  app.get('/os-keypairs', (c) => {
    const r = begin(host, c);
    const keys = [...(r.state.keypairs.get(r.user.uuid)?.values() ?? [])];
    return reply({ keypairs: keys.map((k) => ({ keypair: keypairView(k, false, r.user.uuid) })) });
  });
  app.post('/os-keypairs', async (c) => {
    const r = begin(host, c);
    const spec = attribute<Record<string, unknown>>(await jsonBody(c), 'keypair', 'object')!;
    const name = attribute<string>(spec, 'name', 'string')!;
    const mine = r.state.keypairs.get(r.user.uuid) ?? new Map<string, KeypairRecord>();
    if (mine.has(name)) throw fault.conflict(`Key pair '${name}' already exists.`);
    if (mine.size >= MAX_KEYS) throw new SynnefoFault(500, 'internalServerError', 'SSH keys limit exceeded');
    let publicKey = attribute<string>(spec, 'public_key', 'string', false);
    let privateKey: string | undefined;
    if (publicKey === undefined) {
      const generated = generatePrivateKeySync('ed25519', { comment: name });
      publicKey = generated.publicKey.toString();
      privateKey = encodeOpenSshPrivateKey(generated);
    }
    const fingerprint = fingerprintOf(publicKey);
    if (!fingerprint) throw fault.badRequest('Invalid public key');
    const key: KeypairRecord = { id: nextId(r.state, 'keypair'), name, publicKey: publicKey.trim(), fingerprint, created: r.now };
    mine.set(name, key);
    r.state.keypairs.set(r.user.uuid, mine);
    return reply({ keypair: { ...keypairView(key, true, r.user.uuid), ...(privateKey ? { private_key: privateKey } : {}) } }, 201);
  });
  app.get('/os-keypairs/:name', (c) => {
    const r = begin(host, c);
    const key = r.state.keypairs.get(r.user.uuid)?.get(c.req.param('name'));
    if (!key) throw fault.itemNotFound('Key pair not found.');
    return reply({ keypair: keypairView(key, true, r.user.uuid) });
  });
  app.delete('/os-keypairs/:name', (c) => {
    const r = begin(host, c);
    if (!r.state.keypairs.get(r.user.uuid)?.delete(c.req.param('name'))) throw fault.itemNotFound('Key pair not found.');
    return empty(204);
  });
}

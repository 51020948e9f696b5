import { encodeOpenSshPrivateKey } from '../../crypto/keys/formats/openssh-write.js';
import { generatePrivateKeySync } from '../../crypto/keys/generate.js';
import { parsePrivateKey } from '../../crypto/keys/parse-private-key.js';
import type { MistSimContext } from './context.js';
import { json, keypairExists, MistSimError, missing, ok } from './replies.js';
import type { MistRouter } from './router.js';
import { installEcdsa } from '../../crypto/ecdsa/install.js';

// The simulated server accepts ECDSA private keys as the real one does, in every build.
installEcdsa();

/**
 * The public half of a private key, or undefined when the text is not a usable private key. The
 * simulator really parses it (RSA, ECDSA or Ed25519; PEM, PKCS#8 or OpenSSH; not encrypted ones,
 * which the server cannot open).
 */
function publicOf(privateText: string): string | undefined {
  try {
    const key = parsePrivateKey(privateText);
    if (key.encrypted) return undefined;
    return key.publicKey.toString();
  } catch {
    return undefined;
  }
}

/** Key pairs: list, add (validated), generate, rename, set default, delete (with default promotion), the two halves. */
export function keyRoutes(router: MistRouter, sim: MistSimContext): void {
  const { state } = sim;
  const list = () => [...state.keypairs].map(([id, k]) => ({ id, machines: k.machines, isDefault: k.default }));

  router.on('GET', '/keys', () => json(list()));

  router.on('PUT', '/keys', async (c) => {
    const body = await c.body();
    const id = typeof body.id === 'string' ? body.id : '';
    const priv = typeof body.priv === 'string' ? body.priv : '';
    if (!id) throw new MistSimError(400, 'Keypair id parameter missing');
    if (!priv) throw missing('Private key is not provided');
    if (state.keypairs.has(id)) throw keypairExists(id);
    const pub = publicOf(priv);
    if (pub === undefined) throw new MistSimError(400, 'Invalid private key');
    // The first key a user adds becomes the default.
    const keypair = { private: priv, public: pub, default: state.keypairs.size === 0, machines: [] };
    state.keypairs.set(id, keypair);
    return json({ id, machines: keypair.machines, isDefault: keypair.default });
  });

  // A fresh key on every call, not stored. Ed25519 (the server of 2014 made RSA 2048 keys, which
  // would need WebCrypto, absent on non-secure browser origins).
  router.on('POST', '/keys', () => json({ priv: encodeOpenSshPrivateKey(generatePrivateKeySync('ed25519', { comment: 'mist.io' })) }));

  router.on('GET', '/keys/:key/private', (c) => json(sim.keypair(c.params.key as string).private));
  router.on('GET', '/keys/:key/public', (c) => json(sim.keypair(c.params.key as string).public));

  router.on('PUT', '/keys/:key', async (c) => {
    const oldId = c.params.key as string;
    const body = await c.body();
    // mist.client 0.1.1 sends new_id; later servers read new_name.
    const newId = typeof body.new_id === 'string' && body.new_id !== '' ? body.new_id : typeof body.new_name === 'string' ? body.new_name : '';
    if (!newId) throw missing('new_id');
    const keypair = sim.keypair(oldId);
    if (oldId !== newId) {
      if (state.keypairs.has(newId)) throw keypairExists(newId);
      state.keypairs.delete(oldId);
      state.keypairs.set(newId, keypair);
    }
    return json({ new_id: newId });
  });

  router.on('POST', '/keys/:key', (c) => {
    const id = c.params.key as string;
    sim.keypair(id);
    for (const k of state.keypairs.values()) k.default = false;
    state.keypairs.get(id)!.default = true;
    return ok();
  });

  router.on('DELETE', '/keys/:key', (c) => {
    const id = c.params.key as string;
    const keypair = sim.keypair(id);
    state.keypairs.delete(id);
    // The default key's successor is the first key left.
    const first = state.keypairs.values().next().value;
    if (keypair.default && first) first.default = true;
    return json(list());
  });
}

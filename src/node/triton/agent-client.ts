import { connect, type Socket } from 'node:net';
import { SshReader, SshWriter } from '../../crypto/keys/ssh-wire.js';
import { SignatureError } from '../../crypto/errors/signature-error.js';

/** ssh-agent protocol numbers (draft-miller-ssh-agent). */
export const AGENT = {
  FAILURE: 5,
  REQUEST_IDENTITIES: 11,
  IDENTITIES_ANSWER: 12,
  SIGN_REQUEST: 13,
  SIGN_RESPONSE: 14,
  RSA_SHA2_256: 2,
  RSA_SHA2_512: 4,
} as const;

/** One identity the agent holds. */
export interface AgentIdentity {
  blob: Uint8Array;
  comment: string;
}

/**
 * A minimal ssh-agent client over a unix socket: list identities, sign. One connection per call,
 * like node-sshpk-agent, so an idle client holds no socket.
 */
export class AgentClient {
  constructor(readonly socketPath: string, readonly timeoutMs = 10_000) {}

  #request(message: Uint8Array): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      let sock: Socket;
      const chunks: Buffer[] = [];
      let total = 0;
      const fail = (e: Error) => {
        sock?.destroy();
        reject(e instanceof SignatureError ? e : new SignatureError(`ssh-agent: ${e.message}`));
      };
      try {
        sock = connect(this.socketPath);
      } catch (e) {
        fail(e as Error);
        return;
      }
      sock.setTimeout(this.timeoutMs, () => fail(new Error('timed out')));
      sock.on('error', fail);
      sock.on('connect', () => {
        const framed = new SshWriter().string(message).bytes();
        sock.write(framed);
      });
      sock.on('data', (d: Buffer) => {
        chunks.push(d);
        total += d.length;
        if (total < 4) return;
        const all = Buffer.concat(chunks, total);
        const len = all.readUInt32BE(0);
        if (total < 4 + len) return;
        sock.end();
        resolve(new Uint8Array(all.subarray(4, 4 + len)));
      });
      sock.on('end', () => {
        if (total < 4) fail(new Error('the agent closed the connection'));
      });
    });
  }

  /** SSH2_AGENTC_REQUEST_IDENTITIES. */
  async identities(): Promise<AgentIdentity[]> {
    const reply = new SshReader(await this.#request(new Uint8Array([AGENT.REQUEST_IDENTITIES])), 'ssh-agent reply');
    const type = reply.u8();
    if (type !== AGENT.IDENTITIES_ANSWER) throw new SignatureError(`ssh-agent: unexpected reply ${type} to a request for identities`);
    const n = reply.u32();
    const out: AgentIdentity[] = [];
    for (let i = 0; i < n; i++) out.push({ blob: reply.string(), comment: reply.text() });
    return out;
  }

  /** SSH2_AGENTC_SIGN_REQUEST; returns the SSH signature blob (`string type, string sig`). */
  async sign(keyBlob: Uint8Array, data: Uint8Array, flags = 0): Promise<Uint8Array> {
    const msg = new SshWriter().u8(AGENT.SIGN_REQUEST).string(keyBlob).string(data).u32(flags).bytes();
    const reply = new SshReader(await this.#request(msg), 'ssh-agent reply');
    const type = reply.u8();
    if (type === AGENT.FAILURE) throw new SignatureError('ssh-agent refused to sign (key removed, or confirmation denied?)');
    if (type !== AGENT.SIGN_RESPONSE) throw new SignatureError(`ssh-agent: unexpected reply ${type} to a sign request`);
    return reply.string();
  }
}

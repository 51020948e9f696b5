import { KeyParseError } from '../../errors/key-parse-error.js';

// A key file chooses its own key-derivation cost, and deriving is synchronous pure JavaScript that
// blocks the thread: a hostile file with bcrypt rounds 10,000 froze the event loop for a minute.
// So the cost is checked against a cap before any derivation starts. The caps sit above what real
// tools write, far below what hurts; a caller whose key really needs more raises them explicitly.

/**
 * Default cap on the bcrypt_pbkdf rounds of an OpenSSH private key. ssh-keygen writes 16 unless told
 * otherwise (a little more in the newest releases) and hardening guides use `-a 64` to `-a 256`
 * (`-a 100` is the usual advice). A round costs about as much in opskit's JavaScript as in OpenSSH,
 * 256 rounds a second or two, about what the PBKDF2 cap below costs; 10,000 rounds blocked for a
 * minute. The odd "paranoid" `-a 1000` key needs `maxBcryptRounds: 1000`.
 */
export const MAX_BCRYPT_ROUNDS = 256;

/**
 * Default cap on the PBKDF2 iteration count of an encrypted PKCS#8 key (PBES2). OpenSSL,
 * `ssh-keygen -m PKCS8`, Node and Python's `cryptography` write 2,048; Java and Go libraries
 * 10,000; tools that follow OWASP's 2023 advice 600,000 (PBKDF2-HMAC-SHA256). A million iterations
 * take a second or two in JavaScript; 10 million blocked for 15 s.
 */
export const MAX_PBKDF2_ITERATIONS = 1_000_000;

/**
 * Throws a KeyParseError, before any derivation work, when a key file asks for more than `cap`.
 * `option` is the name of the option that raises the cap, so the message says how to accept the key.
 */
export function checkKdfCost(what: string, parameter: string, value: number, cap: number, option: string): void {
  if (value > cap) {
    throw new KeyParseError(
      `${what}: ${parameter} ${value} is above the limit of ${cap}; a real key rarely needs more, and deriving ` +
        `would block for a long time. If you trust this key, pass { ${option}: ${value} } to accept it.`,
    );
  }
}

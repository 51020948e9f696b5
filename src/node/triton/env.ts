/** Triton settings from the environment. */
export interface TritonEnv {
  url?: string;
  account?: string;
  user?: string;
  keyId?: string;
}

/**
 * Reads `TRITON_URL`/`SDC_URL`, `TRITON_ACCOUNT`/`SDC_ACCOUNT`, `TRITON_USER`/`SDC_USER` and
 * `TRITON_KEY_ID`/`SDC_KEY_ID` (the `TRITON_*` name wins, as in node-triton). Empty values count
 * as unset.
 */
export function tritonEnv(env: Readonly<Record<string, string | undefined>> = process.env): TritonEnv {
  const pick = (name: string) => (env[`TRITON_${name}`] || env[`SDC_${name}`]) ?? undefined;
  const out: TritonEnv = {};
  const url = pick('URL');
  const account = pick('ACCOUNT');
  const user = pick('USER');
  const keyId = pick('KEY_ID');
  if (url) out.url = url;
  if (account) out.account = account;
  if (user) out.user = user;
  if (keyId) out.keyId = keyId;
  return out;
}

/**
 * Internal: {@link equalBytes} without argument checks, for callers that hold real byte arrays
 * (Fernet's MAC check, where every byte of bundle size counts).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

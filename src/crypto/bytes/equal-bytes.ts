/**
 * Compares two byte arrays in time that depends only on their length, never on where
 * they differ, so comparing a computed MAC with a received one leaks nothing.
 * Arrays of different lengths are unequal (lengths are not secret).
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Names of an object's prototype methods (not getters, not the constructor). */
export function methodNames(proto: object, exclude: readonly string[] = []): string[] {
  return Object.getOwnPropertyNames(proto).filter((name) => {
    if (name === 'constructor' || exclude.includes(name)) return false;
    const d = Object.getOwnPropertyDescriptor(proto, name);
    return typeof d?.value === 'function';
  });
}

/**
 * Wraps an object so every method read through it is recorded by name. It records and passes
 * through; nothing is replaced, so the real code runs.
 */
export function recording<T extends object>(target: T, seen: Set<string>, prefix = ''): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value === 'function' && typeof prop === 'string' && prop !== 'constructor') seen.add(prefix + prop);
      return value;
    },
  });
}

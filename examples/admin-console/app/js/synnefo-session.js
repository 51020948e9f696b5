// One Synnefo sign-in for two panels: Cyclades (servers, quotas) and Pithos+ (files) are services
// of the same cloud, found in the catalog Astakos returns for the user's token. The token itself
// stays inside the AstakosClient (and the service clients it makes).

export function createSynnefoSession(opskit) {
  let current = null;
  const listeners = new Set();
  const emit = () => {
    for (const fn of listeners) fn(current);
  };
  return {
    /** `{ astakos, user }` while signed in, else null. */
    get current() {
      return current;
    },
    async signIn({ url, token }) {
      const astakos = new opskit.synnefo.AstakosClient({ url, token });
      const { access } = await astakos.authenticate();
      current = { astakos, user: access.user };
      emit();
      return current;
    },
    signOut() {
      current = null;
      emit();
    },
    /** Calls `fn(session)` now and on every sign-in or sign-out. */
    subscribe(fn) {
      listeners.add(fn);
      fn(current);
      return () => listeners.delete(fn);
    },
  };
}

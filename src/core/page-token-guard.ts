/**
 * The page tokens one listing has passed, kept to catch a server that pages in a loop, in bounded
 * memory: a listing of millions of pages must not keep every token it saw (remembering them all
 * made the retained heap grow with every page, without end).
 *
 * The last `recent` tokens are kept exactly, so a loop of up to that many pages is caught at its
 * first repeated token, before any page is delivered twice. A longer loop is caught by Brent's
 * cycle detection: one remembered token, moved to the newest token each time the steps since the
 * last move reach a power of two. Once that power is at least the loop's length and the token sits
 * inside the loop, the loop comes back to it, so a server whose next token depends on the current
 * one is caught within about twice the loop's length plus the pages before it.
 */
export class PageTokenGuard {
  readonly #recent = new Set<string>();
  readonly #limit: number;
  #anchor: string | undefined;
  #power = 1;
  #steps = 0;

  constructor(recent = 1024) {
    this.#limit = recent;
  }

  /** Whether `token` was seen: among the recent tokens, or the one Brent's check remembers. */
  has(token: string): boolean {
    return this.#recent.has(token) || token === this.#anchor;
  }

  add(token: string): void {
    this.#recent.add(token);
    if (this.#recent.size > this.#limit) this.#recent.delete(this.#recent.values().next().value as string);
    if (++this.#steps === this.#power) {
      this.#anchor = token;
      this.#power *= 2;
      this.#steps = 0;
    }
  }
}

import type { Clock } from '../clock.js';
import type { DemoState } from './types.js';

const ADJECTIVES = ['red', 'blue', 'steel', 'tiny', 'large'];
const NOUNS = ['bolt', 'gear', 'valve', 'spring', 'bracket'];
const TAGS = ['hardware', 'spares', 'tools'];

/**
 * Fills the item table with `count` predictable items (`item-001`, …) so tests and the
 * demo can rely on names, quantities and order without reading them back first.
 */
export function seedItems(state: DemoState, clock: Clock, count: number): void {
  const at = new Date(clock.now()).toISOString();
  for (let i = 0; i < count; i++) {
    state.items.insert({
      name: `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]}`,
      quantity: (i * 37) % 100,
      tags: [TAGS[i % TAGS.length] ?? 'hardware'],
      createdAt: at,
      updatedAt: at,
    });
  }
}

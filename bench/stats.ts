/** The middle value of `xs` (the upper one of an even count); NaN for none. Shared by every bench's rounds. */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

import fastStringWidth from 'fast-string-width';

/** Columns a string takes on a terminal (wide CJK characters count 2, combining marks 0, ANSI codes 0). */
export const textWidth = (text: string): number => fastStringWidth(text);

/** Pads `text` with spaces to `width` terminal columns. */
export const padTo = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - textWidth(text)));

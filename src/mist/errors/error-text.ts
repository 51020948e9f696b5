/** What a mist.io error body says: `<Title>: <detail>` or `<Title>` alone. */
export interface MistErrorText {
  /** The error's title (`Keypair not found`), or undefined when the body says nothing usable. */
  title: string | undefined;
  /** What follows `: ` (`my key`), when anything does. */
  detail: string | undefined;
}

const MAX = 500;

/**
 * Reads a mist.io error body. The server answers `"<Title>: <detail>"` as text (Pyramid's default
 * content type, never JSON); an unknown route answers an HTML page, whose visible text is used.
 * The body is never parsed as JSON here: a value the transport already parsed (a body that
 * happened to be valid JSON) is turned back into its text first.
 */
export function parseMistErrorText(body: unknown): MistErrorText {
  const text = (typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body)).trim();
  if (text === '') return { title: undefined, detail: undefined };
  if (text.startsWith('<')) {
    // An HTML page (the server's 404 page, a proxy's error page): its visible text, not its markup.
    const visible = text
      .replace(/<(head|script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { title: visible ? visible.slice(0, MAX) : undefined, detail: undefined };
  }
  const line = text.length > MAX ? `${text.slice(0, MAX)}…` : text;
  const at = line.indexOf(': ');
  if (at <= 0) return { title: line, detail: undefined };
  return { title: line.slice(0, at), detail: line.slice(at + 2) || undefined };
}

/** The core's `errorDetails` for mist.io: `{code: <Title>, message: <detail>}`. */
export function mistErrorDetails(body: unknown): { code?: string; message?: string } | undefined {
  const { title, detail } = parseMistErrorText(body);
  if (title === undefined) return undefined;
  return detail === undefined ? { code: title } : { code: title, message: detail };
}

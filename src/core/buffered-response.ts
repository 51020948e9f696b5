import { ResponseError } from './errors/response-error.js';

let utf8: TextDecoder | undefined;

/**
 * A Response whose body is already in memory. Built with a null body so no stream is created
 * unless someone asks for `.body`; reading methods decode the bytes directly. This keeps the
 * "read the whole body inside the attempt" rule (timeouts cover the body, truncated bodies are
 * retried) cheap: a second full Response per call cost as much as the rest of the pipeline.
 */
export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly #op: string;
  /** The call's redactor (built on first use): only an unparseable body needs it. */
  readonly #redactor: () => { scrub(text: string): string };
  #used = false;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;

  constructor(bytes: Uint8Array<ArrayBuffer>, from: Response, op: string, redactor: () => { scrub(text: string): string }) {
    // The real length, so openapi-fetch parses through json() (which names the operation on failure).
    // A list of pairs, not a Headers object: the Response constructor copies them once anyway.
    const headers: [string, string][] = [['content-length', String(bytes.byteLength)]];
    from.headers.forEach((value, name) => {
      if (name !== 'content-length') headers.push([name, value]);
    });
    super(null, { status: from.status, statusText: from.statusText, headers });
    this.#bytes = bytes;
    this.#op = op;
    this.#redactor = redactor;
  }

  #take(): Uint8Array<ArrayBuffer> {
    if (this.#used) throw new TypeError('Body has already been consumed.');
    this.#used = true;
    return this.#bytes;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes.byteLength === 0) return null;
    this.#stream ??= new ReadableStream({
      pull: (ctrl) => {
        ctrl.enqueue(this.#take());
        ctrl.close();
      },
    });
    return this.#stream;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#take();
    // The body is read once, so the buffer it was read into is handed over rather than copied
    // (a 230 kB Turbonomic page is otherwise copied once more per page).
    return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override async text(): Promise<string> {
    // One decoder for every reply: building one per call showed up in profiles.
    return (utf8 ??= new TextDecoder()).decode(this.#take());
  }

  override async json(): Promise<any> {
    const text = await this.text();
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ResponseError(this.#op, this.#redactor().scrub(`HTTP ${this.status} body is not valid JSON (${(e as Error).message.slice(0, 120)})`));
    }
  }

  override async blob(): Promise<Blob> {
    return new Blob([await this.arrayBuffer()], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    return new Response(await this.arrayBuffer(), { headers: this.headers }).formData();
  }

  override clone(): Response {
    if (this.#used) throw new TypeError('Response body is already used');
    // A copy: either side may hand its bytes' buffer to a caller who then changes it.
    return new BufferedResponse(this.#bytes.slice(), this, this.#op, this.#redactor);
  }
}

/** What kamaki's `ClientError.__init__` makes of a message (protocol §1.4). */
export interface ParsedFault {
  /** `"<reason> <faultName> (<fault.message>)"`, or the message as given when it holds no fault. */
  message: string;
  /** `fault.code` when it is an integer, else the status given (kamaki forces non-integers to 0). */
  status: number;
  /** The details given, plus a non-empty `fault.details`. */
  details: string[];
  /** The fault name (the body's first key, e.g. `itemNotFound`), when there is one. */
  fault: string | undefined;
  /** `fault.message`, when there is one. */
  faultMessage: string | undefined;
}

function detailList(details: unknown): string[] {
  if (details === undefined || details === null || details === '') return [];
  return Array.isArray(details) ? details.map(String) : [String(details)];
}

/**
 * kamaki's ClientError message rewrite (protocol §1.4): the text after the first `{` is parsed as
 * JSON and its FIRST key is the fault name; the message becomes `"<text before {> <fault>
 * (<fault.message>)"`, the status becomes `fault.code`, and a non-empty `fault.details` is
 * appended to the details. When that fails the message is kept as it is. Unlike kamaki, the
 * trailing newline is not kept (it is a Python printing artefact).
 *
 * ```ts
 * parseFault('Not Found {"itemNotFound": {"code": 404, "message": "Server 7 not found", "details": ""}}', 404)
 * // { message: 'Not Found itemNotFound (Server 7 not found)', status: 404, details: [], fault: 'itemNotFound', … }
 * ```
 */
export function parseFault(message: string, status = 0, details?: string | readonly string[]): ParsedFault {
  const given = detailList(details);
  const fallback: ParsedFault = { message: message.replace(/\n+$/, ''), status: Number.isInteger(status) ? status : 0, details: given, fault: undefined, faultMessage: undefined };
  const brace = message.indexOf('{');
  if (brace < 0) return fallback;
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.slice(brace).replace(/\n$/, ''));
  } catch {
    return fallback;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fallback;
  const key = Object.keys(parsed)[0];
  if (key === undefined) return fallback;
  const inner = (parsed as Record<string, unknown>)[key];
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) return fallback;
  const fault = inner as Record<string, unknown>;
  const prefix = message.slice(0, brace).trim();
  const hasMessage = 'message' in fault;
  const faultMessage = hasMessage ? String(fault.message) : undefined;
  const text = hasMessage ? `${prefix} ${key} (${faultMessage})` : `${prefix} ${key}`;
  const code = fault.code;
  const out: ParsedFault = {
    message: text.trim(),
    status: typeof code === 'number' && Number.isInteger(code) ? code : fallback.status,
    details: [...given],
    fault: key,
    faultMessage,
  };
  if ('details' in fault && fault.details !== null && fault.details !== undefined && fault.details !== '') {
    out.details.push(typeof fault.details === 'string' ? fault.details : JSON.stringify(fault.details));
  }
  return out;
}

import { SynnefoFault } from '../synnefo/host.js';

// Synnefo fault constructors for the object store (snf_django faults.py names).
export const badRequest = (message: string) => new SynnefoFault(400, 'badRequest', message);
export const unauthorized = (message = 'Access denied') => new SynnefoFault(401, 'unauthorized', message);
export const forbidden = (message = 'Not allowed') => new SynnefoFault(403, 'forbidden', message);
export const itemNotFound = (message: string) => new SynnefoFault(404, 'itemNotFound', message);
export const notAllowed = (allow: string) => new SynnefoFault(405, 'notAllowed', 'Method not allowed', '', { allow });
export const conflict = (message: string) => new SynnefoFault(409, 'conflict', message);
export const lengthRequired = (message = 'Missing or invalid Content-Length header') => new SynnefoFault(411, 'lengthRequired', message);
export const preconditionFailed = (message = 'Resource ETag does not match') => new SynnefoFault(412, 'preconditionFailed', message);
export const tooLarge = (message: string) => new SynnefoFault(413, 'requestEntityTooLarge', message);
export const rangeNotSatisfiable = (message = 'Requested range not satisfiable') => new SynnefoFault(416, 'rangeNotSatisfiable', message);
export const unprocessable = (message: string) => new SynnefoFault(422, 'unprocessableEntity', message);
export { SynnefoFault };

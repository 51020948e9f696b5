import type { Hono } from 'hono';
import { attribute, empty, fault, jsonBody, reply } from '../cyclades-http.js';
import { ownedImage, visibleImage } from '../cyclades-images.js';
import { begin } from '../cyclades-request.js';
import { ownedServer } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';

const MAX_SERVER_METADATA = 10;

function stringMap(value: unknown, name: string): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw fault.badRequest(`Malformed request. Invalid '${name}' field`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw fault.badRequest(`Malformed request. Invalid value of '${k}'`);
    if (k.length > 64 || v.length > 255) throw fault.badRequest('Metadata key or value too long');
  }
  return value as Record<string, string>;
}

/** Server and image metadata (GET all, POST merge, GET/PUT/DELETE one key). */
export function metadataRoutes(app: Hono, host: SynnefoSimHost): void {
  app.get('/servers/:id{[0-9]+}/metadata', (c) => {
    const r = begin(host, c);
    return reply({ metadata: { ...ownedServer(r.state, r.user, c.req.param('id')).metadata } });
  });
  app.post('/servers/:id{[0-9]+}/metadata', async (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const meta = stringMap(attribute(await jsonBody(c), 'metadata', 'object'), 'metadata');
    const merged = { ...server.metadata, ...meta };
    if (Object.keys(merged).length > MAX_SERVER_METADATA) throw fault.overLimit('Maximum number of metadata exceeded');
    server.metadata = merged;
    server.updated = r.now;
    return reply({ metadata: { ...merged } }, 201);
  });
  app.get('/servers/:id{[0-9]+}/metadata/:key', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const key = c.req.param('key');
    if (!Object.prototype.hasOwnProperty.call(server.metadata, key)) throw fault.itemNotFound('Metadata key not found.');
    return reply({ meta: { [key]: server.metadata[key] } });
  });
  app.put('/servers/:id{[0-9]+}/metadata/:key', async (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const key = c.req.param('key');
    const meta = stringMap(attribute(await jsonBody(c), 'meta', 'object'), 'meta');
    if (Object.keys(meta).length !== 1 || !(key in meta)) throw fault.badRequest('Malformed request');
    const merged = { ...server.metadata, [key]: meta[key]! };
    if (Object.keys(merged).length > MAX_SERVER_METADATA) throw fault.overLimit('Maximum number of metadata exceeded');
    server.metadata = merged;
    server.updated = r.now;
    return reply({ meta: { [key]: meta[key] } }, 201);
  });
  app.delete('/servers/:id{[0-9]+}/metadata/:key', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const key = c.req.param('key');
    if (!Object.prototype.hasOwnProperty.call(server.metadata, key)) throw fault.itemNotFound('Metadata key not found.');
    const { [key]: _gone, ...rest } = server.metadata;
    server.metadata = rest;
    server.updated = r.now;
    return empty(204);
  });

  app.get('/images/:id/metadata', (c) => {
    const r = begin(host, c);
    return reply({ metadata: { ...visibleImage(r.state, r.user, c.req.param('id')).properties } });
  });
  app.post('/images/:id/metadata', async (c) => {
    const r = begin(host, c);
    const image = ownedImage(r.state, r.user, c.req.param('id'));
    const meta = stringMap(attribute(await jsonBody(c), 'metadata', 'object'), 'metadata');
    for (const [k, v] of Object.entries(meta)) image.properties[k.toLowerCase()] = v;
    image.updated = r.now;
    return reply({ metadata: { ...image.properties } }, 201);
  });
  app.get('/images/:id/metadata/:key', (c) => {
    const r = begin(host, c);
    const image = visibleImage(r.state, r.user, c.req.param('id'));
    const key = c.req.param('key');
    if (!Object.prototype.hasOwnProperty.call(image.properties, key)) throw fault.itemNotFound('Metadata key not found.');
    return reply({ meta: { [key]: image.properties[key] } });
  });
  app.put('/images/:id/metadata/:key', async (c) => {
    const r = begin(host, c);
    const image = ownedImage(r.state, r.user, c.req.param('id'));
    const key = c.req.param('key');
    const meta = stringMap(attribute(await jsonBody(c), 'meta', 'object'), 'meta');
    if (Object.keys(meta).length !== 1 || !(key in meta)) throw fault.badRequest('Malformed request');
    image.properties[key.toLowerCase()] = meta[key]!;
    image.updated = r.now;
    return reply({ meta: { [key]: meta[key] } }, 201);
  });
  app.delete('/images/:id/metadata/:key', (c) => {
    const r = begin(host, c);
    const image = ownedImage(r.state, r.user, c.req.param('id'));
    const key = c.req.param('key');
    if (!Object.prototype.hasOwnProperty.call(image.properties, key)) throw fault.itemNotFound('Metadata key not found.');
    delete image.properties[key];
    image.updated = r.now;
    return empty(204);
  });
}

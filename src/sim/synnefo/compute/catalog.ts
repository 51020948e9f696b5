import type { Context, Hono } from 'hono';
import { changesSince, empty, fault, modifiedSince, reply } from '../cyclades-http.js';
import { ownedImage, visibleImage } from '../cyclades-images.js';
import { begin } from '../cyclades-request.js';
import type { SynnefoSimHost } from '../host.js';
import { computeImageView, flavorView } from './views.js';

/** Flavors and the compute view of images. */
export function catalogRoutes(app: Hono, host: SynnefoSimHost): void {
  const flavors = (detail: boolean) => (c: Context) => {
    const r = begin(host, c);
    changesSince(c, r.now);
    // Cyclades compares SNF:is_public lower-cased with 'true'.
    const publicOnly = (c.req.query('SNF:is_public') ?? '').toLowerCase() === 'true';
    const list = [...r.state.flavors.values()].filter((f) => !f.deleted && (!publicOnly || f.public));
    return reply({ flavors: list.map((f) => flavorView(r.state, f, detail)) });
  };
  app.get('/flavors', flavors(false));
  app.get('/flavors/', flavors(false));
  app.get('/flavors/detail', flavors(true));
  app.get('/flavors/:id{[0-9]+}', (c) => {
    const r = begin(host, c);
    const flavor = r.state.flavors.get(Number(c.req.param('id')));
    if (!flavor) throw fault.itemNotFound('Flavor not found.');
    return reply({ flavor: flavorView(r.state, flavor, true) });
  });
  app.get('/flavors/:id{[0-9]+}/os-extra_specs', (c) => {
    const r = begin(host, c);
    if (!r.state.flavors.has(Number(c.req.param('id')))) throw fault.itemNotFound('Flavor not found.');
    return reply({ extra_specs: {} });
  });

  const images = (detail: boolean) => (c: Context) => {
    const r = begin(host, c);
    const since = changesSince(c, r.now);
    const all = [...r.state.images.values()].filter((i) => i.isPublic || i.owner === r.user.uuid || i.members.has(r.user.uuid));
    return reply({ images: modifiedSince(all, since).map((i) => computeImageView(r.state, i, detail)) });
  };
  app.get('/images', images(false));
  app.get('/images/', images(false));
  app.get('/images/detail', images(true));
  app.post('/images', () => {
    throw fault.notImplemented('Creating images through the compute API is not supported.');
  });
  app.get('/images/:id', (c) => {
    const r = begin(host, c);
    return reply({ image: computeImageView(r.state, visibleImage(r.state, r.user, c.req.param('id')), true) });
  });
  app.delete('/images/:id', (c) => {
    const r = begin(host, c);
    const image = ownedImage(r.state, r.user, c.req.param('id'));
    image.deleted = true;
    image.deletedAt = r.now;
    image.updated = r.now;
    return empty(204);
  });
}

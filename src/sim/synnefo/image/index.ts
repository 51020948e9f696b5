import { createSimApp } from '../../app.js';
import type { SynnefoSimService } from '../host.js';

/** The simulated image service (being built: no routes yet). */
export const createImageService: SynnefoSimService = () => createSimApp();

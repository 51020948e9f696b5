import { createSimApp } from '../../app.js';
import type { SynnefoSimService } from '../host.js';

/** The simulated compute service (being built: no routes yet). */
export const createComputeService: SynnefoSimService = () => createSimApp();

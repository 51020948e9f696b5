import { createSimApp } from '../../app.js';
import type { SynnefoSimService } from '../host.js';

/** The simulated network service (being built: no routes yet). */
export const createNetworkService: SynnefoSimService = () => createSimApp();

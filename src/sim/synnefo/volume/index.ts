import { createSimApp } from '../../app.js';
import type { SynnefoSimService } from '../host.js';

/** The simulated volume service (being built: no routes yet). */
export const createVolumeService: SynnefoSimService = () => createSimApp();

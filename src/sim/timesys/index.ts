export { createTimesysSim } from './create-timesys-sim.js';
export type {
  TimesysActivity,
  TimesysCredentials,
  TimesysCve,
  TimesysFolder,
  TimesysGroup,
  TimesysJob,
  TimesysManifest,
  TimesysReport,
  TimesysSim,
  TimesysSimOptions,
  TimesysState,
  TimesysUser,
} from './types.js';

import type { Config } from '../sources/config.js';
import type { UnitRegister } from '../sources/units/read.js';

/** What every source's metrics may use besides its own data: the report year, the unit register and the config. */
export interface MetricsContext {
  year: number;
  units: UnitRegister;
  config: Config;
}

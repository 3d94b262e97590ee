import { Environment, validateEnvironment } from '../config/environment';
import { exitWithFatal } from './fatal';

/** process.env validated, or one fatal line naming the bad variable and exit 1. */
export function loadEnvironmentOrExit(): Environment {
  try {
    return validateEnvironment(process.env);
  } catch (err) {
    exitWithFatal((err as Error).message);
  }
}

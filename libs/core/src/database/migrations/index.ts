import { Initial1763900000000 } from './1763900000000-initial';
import { UsersAndAuth1795462204823 } from './1795462204823-UsersAndAuth';
import { Posts1795471655385 } from './1795471655385-Posts';
import { Polls1795471722787 } from './1795471722787-Polls';
import { SocialGraph1795500000000 } from './1795500000000-SocialGraph';
import { FeedIndexes1795500000001 } from './1795500000001-FeedIndexes';
import { WorkerConsumers1795520000000 } from './1795520000000-WorkerConsumers';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the webpack bundles carry them.
 * `npm run migration:generate -- <Name>` writes a file here; add its class to this list.
 */
export const MIGRATIONS = [
  Initial1763900000000,
  UsersAndAuth1795462204823,
  Posts1795471655385,
  Polls1795471722787,
  SocialGraph1795500000000,
  FeedIndexes1795500000001,
  WorkerConsumers1795520000000,
];

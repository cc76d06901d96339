/**
 * The one localStorage key of the learner store and the current schema version (inside the value, as
 * `version`). Kept in a file with no imports so the per-page "lesson visited" script stays tiny.
 * Never rename the key: every learner's saved progress lives under it.
 */
export const STORE_KEY = 'atelier-codedeploy:progress';
export const STORE_VERSION = 1;
/** Where the raw value goes when it had to be reset, so a learner (or support) can still recover it. */
export const BACKUP_KEY = 'atelier-codedeploy:progress-backup';

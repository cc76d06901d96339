/** The learner store for the lab elements: one shared instance per page, lab values in its labParams namespace. */
import { browserStorage, openStore, type ProgressStore } from '../../lib/progress/storage.ts';

let shared: ProgressStore | undefined;

export function labStore(): ProgressStore {
	shared ??= openStore(browserStorage());
	return shared;
}

export const LAB_PARAMS_CHANGED = 'cd-lab-params-changed';

import { declaredOs, field, list } from '../data.ts';
import type { Rule } from './rule.ts';

const ABSOLUTE = { linux: /^\//, windows: /^([A-Za-z]:[\\/]|\\\\)/ } as const;

/**
 * A relative destination resolves against the agent's working directory (`/`, `/opt/codedeploy-agent` or
 * `C:\Windows\System32`), and globs in `source` are not expanded: Install fails with ENOENT (reference §1.4).
 */
export const filesPaths: Rule = {
	id: 'files-paths',
	platforms: ['server'],
	check(ctx) {
		const os = ctx.os ?? declaredOs(ctx.value) ?? 'linux';
		list(field(ctx.value, 'files')).forEach((entry, index) => {
			const source = field(entry, 'source');
			const destination = field(entry, 'destination');
			if (typeof source === 'string' && /[*?[\]{}]/.test(source)) {
				ctx.report('files-source-glob', { path: ['files', index, 'source'] }, { source });
			}
			if (
				typeof destination === 'string' &&
				destination.trim() !== '' &&
				!ABSOLUTE[os].test(destination.trim())
			) {
				ctx.report(
					'files-destination-relative',
					{ path: ['files', index, 'destination'] },
					{ destination, os },
				);
			}
		});
	},
};

import { z } from 'zod';

/**
 * Frontmatter the course adds to Starlight's own. `lastVerified` is the day a lesson's AWS facts were last
 * checked against the AWS documentation; it is shown under the title. The content test requires it on every
 * lesson (pages inside a module folder), which a zod schema cannot know from the entry alone.
 */
export const lessonFrontmatter = z.object({
	lastVerified: z.coerce
		.date({
			error: 'lastVerified must be a date (YYYY-MM-DD) / lastVerified doit être une date (AAAA-MM-JJ)',
		})
		.optional(),
});

/**
 * IAM wildcard matching without regular expressions built from user input: `*` matches any run of characters
 * (including `/` and `:`), `?` exactly one. Iterative two-pointer algorithm, linear in practice, no backtracking blow-up.
 */
export function globMatch(pattern: string, value: string): boolean {
	let p = 0;
	let v = 0;
	let starAt = -1;
	let resumeAt = 0;
	while (v < value.length) {
		const c = pattern[p];
		if (c === '*') {
			starAt = p++;
			resumeAt = v;
		} else if (c !== undefined && (c === '?' || c === value[v])) {
			p++;
			v++;
		} else if (starAt >= 0) {
			p = starAt + 1;
			v = ++resumeAt;
		} else return false;
	}
	while (pattern[p] === '*') p++;
	return p === pattern.length;
}

/** Actions: `service:Name`, both halves case-insensitive (IAM-UG elements_action). */
export function actionMatches(pattern: string, action: string): boolean {
	return globMatch(pattern.toLowerCase(), action.toLowerCase());
}

/**
 * Resources: ARNs compared case-sensitively, segment by segment for the first five `:`-separated parts
 * (partition, service, region, account) so a `*` there cannot eat a colon of another segment; the resource part
 * keeps `*` spanning `/` and `:`. `"*"` alone matches everything.
 */
export function resourceMatches(pattern: string, resource: string): boolean {
	if (pattern === '*') return true;
	const left = splitArn(pattern);
	const right = splitArn(resource);
	if (!left || !right) return globMatch(pattern, resource);
	for (let i = 0; i < 6; i++) if (!globMatch(left[i] ?? '', right[i] ?? '')) return false;
	return true;
}

function splitArn(arn: string): string[] | undefined {
	const parts = arn.split(':');
	if (parts.length < 6 || parts[0] !== 'arn') return undefined;
	return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

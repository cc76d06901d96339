import type { AwsService } from '../../src/lib/labs/allowlist.ts';
import type { Read } from '../../src/lib/labs/facts.ts';
import { isMissing, readFromError } from './errors.ts';

export interface ReadOptions {
	/** Bounds concurrent calls. */
	readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
	/** IAM is eventually consistent: a role created seconds ago may still read as NoSuchEntity (reference §3.1). */
	readonly missingRetries: number;
	readonly missingDelayMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one logical read (which may page) and maps AWS errors to a Read. */
export async function readAws<T>(
	service: AwsService,
	operation: string,
	options: ReadOptions,
	task: () => Promise<T>,
): Promise<Read<T>> {
	for (let attempt = 0; ; attempt++) {
		try {
			return { status: 'ok', value: await task() };
		} catch (error) {
			if (isMissing(error) && service === 'iam' && attempt < options.missingRetries) {
				await sleep(options.missingDelayMs);
				continue;
			}
			return readFromError(error, service, operation);
		}
	}
}

/** Follows IAM's Marker/IsTruncated pagination to the end (never trusts item counts). */
export async function allPages<
	P extends { IsTruncated?: boolean | undefined; Marker?: string | undefined },
	I,
>(
	limit: ReadOptions['limit'],
	fetch: (marker: string | undefined) => Promise<P>,
	items: (page: P) => readonly I[] | undefined,
): Promise<I[]> {
	const out: I[] = [];
	let marker: string | undefined;
	for (let guard = 0; guard < 1000; guard++) {
		const page = await limit(() => fetch(marker));
		out.push(...(items(page) ?? []));
		if (!page.IsTruncated || !page.Marker) return out;
		marker = page.Marker;
	}
	throw new Error('Pagination did not end after 1000 pages');
}

/** Same for NextToken-style APIs (EC2, CodeDeploy). */
export async function allTokenPages<
	P extends { nextToken?: string | undefined } | { NextToken?: string | undefined },
	I,
>(
	limit: ReadOptions['limit'],
	fetch: (token: string | undefined) => Promise<P>,
	items: (page: P) => readonly I[] | undefined,
): Promise<I[]> {
	const out: I[] = [];
	let token: string | undefined;
	for (let guard = 0; guard < 1000; guard++) {
		const page = await limit(() => fetch(token));
		out.push(...(items(page) ?? []));
		token = 'nextToken' in page ? page.nextToken : 'NextToken' in page ? page.NextToken : undefined;
		if (!token) return out;
	}
	throw new Error('Pagination did not end after 1000 pages');
}

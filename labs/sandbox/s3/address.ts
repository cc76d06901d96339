/**
 * Where the bucket name is: in the host (virtual-hosted style, `bucket.localhost:4566`) or in the first path segment
 * (path style, which the SDK and the CLI use with `--endpoint-url http://127.0.0.1:…`; reference §4.8).
 */
export interface S3Address {
	readonly bucket?: string;
	readonly key?: string;
}

function decodeSegment(raw: string): string {
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}

export function bucketFromHost(host: string): string | undefined {
	const name = host.replace(/:\d+$/, '').toLowerCase();
	if (name === 'localhost' || /^[\d.]+$/.test(name) || name.startsWith('[')) return undefined;
	const local = /^(.+)\.localhost$/.exec(name);
	if (local) return local[1]!.replace(/\.s3(\.[a-z0-9-]+)?$/, '');
	const aws = /^(.+)\.s3([.-][a-z0-9-]+)*\.amazonaws\.com$/.exec(name);
	return aws?.[1];
}

export function s3Address(host: string, rawPath: string): S3Address {
	const hostBucket = bucketFromHost(host);
	const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
	if (hostBucket !== undefined) {
		return path === '' ? { bucket: hostBucket } : { bucket: hostBucket, key: decodeSegment(path) };
	}
	if (path === '') return {};
	const slash = path.indexOf('/');
	if (slash < 0) return { bucket: decodeSegment(path) };
	const key = path.slice(slash + 1);
	const bucket = decodeSegment(path.slice(0, slash));
	return key === '' ? { bucket } : { bucket, key: decodeSegment(key) };
}

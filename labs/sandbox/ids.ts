import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Unique IDs look like AWS's: a four-letter prefix that tells the kind (reference §4.4), then 17 characters. */
export type IdPrefix = 'AIDA' | 'AROA' | 'AIPA' | 'ANPA' | 'AGPA';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomFrom(alphabet: string, length: number): string {
	const bytes = randomBytes(length);
	let out = '';
	for (const byte of bytes) out += alphabet[byte % alphabet.length];
	return out;
}

export function uniqueId(prefix: IdPrefix): string {
	return prefix + randomFrom(UPPER_ALNUM, 17);
}

/** `AKIA…` for long-term keys, `ASIA…` for temporary ones: 20 characters in all. */
export function accessKeyId(temporary = false): string {
	return (temporary ? 'ASIA' : 'AKIA') + randomFrom(BASE32, 16);
}

export function secretAccessKey(): string {
	return randomBytes(30).toString('base64').replace(/\+/g, 'x').replace(/\//g, 'y');
}

export function sessionToken(): string {
	return 'IQoJb3JpZ2luX2VjE' + randomBytes(96).toString('base64');
}

export function requestId(): string {
	return randomUUID();
}

/** S3's `x-amz-id-2`: an opaque base64 host id. */
export function hostId(): string {
	return randomBytes(48).toString('base64');
}

export function md5Hex(data: Buffer): string {
	return createHash('md5').update(data).digest('hex');
}

/**
 * A small seeded pseudo-random generator (mulberry32) so that a scenario and a seed always give the same
 * timeline, in the browser, the CLI and the tests alike. Not for cryptography.
 */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** `true` with probability `p`. */
	chance(p: number): boolean;
}

export function createRandom(seed: number): Random {
	let state = seed >>> 0 || 0x9e3779b9;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let x = state;
		x = Math.imul(x ^ (x >>> 15), x | 1);
		x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (p) => next() < p,
	};
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A deployment id shaped like AWS's (`d-` and nine upper-case letters or digits). */
export function deploymentId(random: Random): string {
	let id = 'd-';
	for (let i = 0; i < 9; i++) id += ID_ALPHABET[random.int(0, ID_ALPHABET.length - 1)];
	return id;
}

/** A duration around `base` seconds, within ±`spread` (a fraction), rounded to whole seconds, at least 1. */
export function jitter(random: Random, base: number, spread = 0.2): number {
	const factor = 1 - spread + random.next() * 2 * spread;
	return Math.max(1, Math.round(base * factor));
}

/** A counting semaphore: at most `limit` AWS calls in flight, so concurrent checks stay polite to the APIs. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async (task) => {
		// A released slot is handed straight to the next waiter, so `active` never exceeds `limit`.
		if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
		else active++;
		try {
			return await task();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else active--;
		}
	};
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
					environment: 'node',
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['test/e2e/support/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					// One browser, one server: files run one after another so timings stay honest on 2 cores.
					fileParallelism: false,
				},
			},
		],
	},
});

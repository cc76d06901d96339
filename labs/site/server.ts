import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { astroBin, defaultOutDir, projectRoot, siteDirs } from './paths.ts';

/**
 * The environment for a child build or server, without what a test runner put there: vitest exports Vite's
 * `import.meta.env` values (`BASE_URL=/`, `MODE=test`, …) and NODE_ENV=test, which would override the
 * site's base path and make Astro build a development bundle without search.
 */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']) delete env[key];
	for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...extra };
}

/** Builds the site with `astro build`; the promise rejects with the build's output when it fails. */
export function buildSite(outDir = defaultOutDir, env: Record<string, string> = {}): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
			cwd: projectRoot,
			env: cleanEnv(env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve()
				: reject(new Error(`astro build failed (exit ${code}):\n${output.slice(-8000)}`)),
		);
	});
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
		});
	});
}

export interface RunningSite {
	readonly url: string;
	readonly process: ChildProcess;
	stop(): Promise<void>;
}

/**
 * Serves the production build (Astro's Node adapter, standalone) on 127.0.0.1 only: the local lab-check
 * endpoint must never be reachable from another machine.
 */
export async function serveSite(
	port: number,
	outDir = defaultOutDir,
	env: Record<string, string> = {},
): Promise<RunningSite> {
	const child = spawn(process.execPath, [siteDirs(outDir).serverEntry], {
		cwd: projectRoot,
		env: cleanEnv({ HOST: '127.0.0.1', PORT: String(port), ...env }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const url = `http://127.0.0.1:${port}`;
	await waitUntilUp(url, child);
	return {
		url,
		process: child,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
	let log = '';
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log}`);
		try {
			const response = await fetch(`${url}/fr/`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the server did not answer on ${url} within 10 s:\n${log}`);
}

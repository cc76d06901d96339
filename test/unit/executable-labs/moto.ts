/**
 * moto_server (moto 5.2.1, on the machine image) as a child process on a free loopback port, for the differential
 * test. It runs with the AWS managed policies loaded, as reference §4.11 prescribes.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export interface RunningMoto {
	readonly url: string;
	stop(): Promise<void>;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** The real executable behind the pyenv shim, so the process we kill is moto itself. */
function motoExecutable(): string {
	try {
		return execFileSync('pyenv', ['which', 'moto_server'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
	} catch {
		return 'moto_server';
	}
}

export async function startMoto(): Promise<RunningMoto> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(motoExecutable(), ['-H', '127.0.0.1', '-p', String(port)], {
		env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let log = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		log = (log + chunk.toString('utf8')).slice(-4000);
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await Promise.race([exited, delay(5000)]);
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		}
	};
	for (let attempt = 0; attempt < 150; attempt++) {
		if (child.exitCode !== null) throw new Error(`moto_server exited: ${log}`);
		try {
			const response = await fetch(`${url}/moto-api/`);
			await response.arrayBuffer();
			if (response.ok) return { url, stop };
		} catch {
			// not listening yet
		}
		await delay(200);
	}
	await stop();
	throw new Error(`moto_server did not start on ${url}: ${log}`);
}

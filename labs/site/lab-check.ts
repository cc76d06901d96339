/**
 * The local lab-check endpoint of `npm start` (POST /api/labs/<lab>/check): the browser sends only the lab id, a
 * target ('aws' | 'practice') and the lab parameters; everything else (profile, region, endpoint, credentials) is
 * the server's own configuration. It runs the same engine as `npm run lab -- check`.
 *
 * Astro's checkOrigin covers only form content types and never the Host header, so this handler checks both
 * itself: a foreign Host (DNS rebinding) or Origin (another site) gets 403 before anything runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LabUsageError, runLabCheck } from '../engine/run.ts';
import { isLabId, loadLab } from '../engine/catalog.ts';
import { toJson } from '../../src/lib/labs/report.ts';
import { paramDefinitions } from '../../src/lib/labs/schema.ts';
import { validateParams } from '../../src/lib/labs/params.ts';
import type { Shell } from '../../src/lib/labs/shell.ts';
import { practiceAccountTarget } from '../sandbox/target.ts';
import { defaultStateDir, STATE_FILE } from '../sandbox/store.ts';

export interface LabCheckConfig {
	/** The port the site listens on: the only Host/Origin accepted are loopback names with this port. */
	readonly port: string;
	/** `npm start -- --profile P` (ATELIER_LAB_PROFILE); otherwise the SDK's default chain. */
	readonly profile?: string;
	/** `npm start -- --region R` (ATELIER_LAB_REGION): the lab region when the learner leaves it empty. */
	readonly region?: string;
	/** The practice account's state directory (ATELIER_SANDBOX_STATE_DIR, else the sandbox's default). */
	readonly sandboxStateDir: string;
	/** The server's environment, for the AWS_ENDPOINT_URL* variables of the 'aws' target. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** The engine (tests substitute it to observe the options it receives). */
	readonly run?: typeof runLabCheck;
}

export function labCheckConfigFromEnv(env: Readonly<Record<string, string | undefined>>): LabCheckConfig {
	return {
		port: env['PORT'] ?? '4321',
		...(env['ATELIER_LAB_PROFILE'] && { profile: env['ATELIER_LAB_PROFILE'] }),
		...(env['ATELIER_LAB_REGION'] && { region: env['ATELIER_LAB_REGION'] }),
		sandboxStateDir: env['ATELIER_SANDBOX_STATE_DIR'] || defaultStateDir(env),
		env,
	};
}

const MAX_BODY = 8 * 1024;
const BODY_KEYS = new Set(['lab', 'target', 'params']);

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
	});
const refuse = (status: number, error: string, extra: Record<string, unknown> = {}) =>
	json(status, { error, ...extra });

/** Loopback names only, with the site's own port: anything else is another site or a rebound DNS name. */
function localHosts(port: string): Set<string> {
	return new Set(['127.0.0.1', 'localhost', '[::1]'].map((host) => `${host}:${port}`));
}

export function isLocalRequest(request: Request, port: string): boolean {
	const hosts = localHosts(port);
	const host = request.headers.get('host');
	if (!host || !hosts.has(host.toLowerCase())) return false;
	// Browsers send Origin with every POST; a request without it did not come from the course page.
	const origin = request.headers.get('origin');
	if (!origin) return false;
	try {
		const url = new URL(origin);
		return url.protocol === 'http:' && hosts.has(url.host) && url.pathname === '/';
	} catch {
		return false;
	}
}

type Body = { lab: string; target: 'aws' | 'practice'; params: Record<string, string> };

/** The body as text, or undefined as soon as it grows past `max` bytes (never buffers a huge upload). */
async function boundedText(request: Request, max: number): Promise<string | undefined> {
	if (Number(request.headers.get('content-length') ?? 0) > max) return undefined;
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel();
			return undefined;
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

async function readBody(request: Request): Promise<Body | string> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
	if (type !== 'application/json') return 'body.content-type';
	const text = await boundedText(request, MAX_BODY);
	if (text === undefined) return 'body.too-large';
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return 'body.json';
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'body.shape';
	const record = data as Record<string, unknown>;
	for (const key of Object.keys(record)) if (!BODY_KEYS.has(key)) return 'body.unknown-field';
	const { lab, target, params } = record;
	if (typeof lab !== 'string') return 'body.lab';
	if (target !== 'aws' && target !== 'practice') return 'body.target';
	if (typeof params !== 'object' || params === null || Array.isArray(params)) return 'body.params';
	const entries = Object.entries(params as Record<string, unknown>);
	if (!entries.every(([, v]) => typeof v === 'string')) return 'body.params';
	return { lab, target, params: Object.fromEntries(entries) as Record<string, string> };
}

/**
 * Where the practice account listens and the keys of its `admin` user (the sandbox's practiceAccountTarget), read
 * on the server and never sent to it. No state yet, or no sandbox running: the learner must start `npm run sandbox`.
 */
function practiceAccount(stateDir: string) {
	if (!existsSync(join(stateDir, STATE_FILE))) return undefined;
	const target = practiceAccountTarget({ stateDir });
	if (!target?.running) return undefined;
	return { endpointUrl: target.endpoint, credentials: { ...target.credentials } };
}

export async function handleLabCheck(
	request: Request,
	labFromPath: string | undefined,
	config: LabCheckConfig,
): Promise<Response> {
	if (!isLocalRequest(request, config.port)) return refuse(403, 'forbidden');
	if (request.method !== 'POST') return refuse(405, 'method');
	const url = new URL(request.url);
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'fr';
	const shell: Shell = url.searchParams.get('shell') === 'powershell' ? 'powershell' : 'bash';
	const body = await readBody(request);
	if (typeof body === 'string') return refuse(400, body);
	if (!labFromPath || body.lab !== labFromPath || !isLabId(body.lab)) return refuse(400, 'body.lab');
	if (body.target === 'practice' && body.lab !== 'iam-setup') return refuse(400, 'practice-unsupported');
	const params = { ...body.params };
	if (config.region && (params['region'] ?? '').trim() === '') params['region'] = config.region;
	const { errors } = validateParams(paramDefinitions(loadLab(body.lab)), params);
	if (errors.length > 0) return refuse(400, 'params', { errors });

	const run = config.run ?? runLabCheck;
	let options: Parameters<typeof runLabCheck>[2];
	if (body.target === 'practice') {
		const practice = practiceAccount(config.sandboxStateDir);
		if (!practice) return refuse(503, 'practice-not-running');
		options = { ...practice, lang, shell };
	} else {
		options = {
			lang,
			shell,
			...(config.profile !== undefined && { profile: config.profile }),
			...(config.env !== undefined && { env: config.env }),
		};
	}
	try {
		const report = await run(body.lab, params, options);
		return json(200, toJson(report, lang));
	} catch (error) {
		if (error instanceof LabUsageError)
			return refuse(400, error.code, { params: error.params, errors: error.paramErrors });
		// Whatever went wrong stays in the server's log: an SDK error may quote configuration.
		console.error('lab check failed:', error);
		return refuse(500, 'internal');
	}
}

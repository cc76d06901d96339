import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { runLabCheck } from '../../../labs/engine/run.ts';
import { startSandbox, type RunningSandbox } from '../../../labs/sandbox/index.ts';
import { handleLabCheck, labCheckConfigFromEnv, type LabCheckConfig } from '../../../labs/site/lab-check.ts';

/**
 * The local lab-check endpoint (labs/site/lab-check.ts), called as Astro calls it: a Request in, a Response out.
 * A recording engine stands in for AWS where only the mapping matters; the practice target runs the real engine
 * against a real sandbox.
 */

const PORT = '4999';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const URL_PATH = `${ORIGIN}/api/labs/iam-setup/check?lang=en&shell=bash`;

type RunArgs = Parameters<typeof runLabCheck>;
const calls: RunArgs[] = [];
const fakeRun = (async (...args: RunArgs) => {
	calls.push(args);
	return {
		lab: args[0],
		params: args[1],
		principal: 'arn:aws:iam::123456789012:user/x',
		startedAt: '',
		results: [],
	};
}) as typeof runLabCheck;

let stateDir: string;
const config = (extra: Partial<LabCheckConfig> = {}): LabCheckConfig => ({
	port: PORT,
	sandboxStateDir: stateDir,
	run: fakeRun,
	...extra,
});

function post(body: unknown, headers: Record<string, string> = {}, url = URL_PATH): Request {
	return new Request(url, {
		method: 'POST',
		headers: { host: `127.0.0.1:${PORT}`, origin: ORIGIN, 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}
const valid = { lab: 'iam-setup', target: 'aws', params: { bucket: 'my-revisions-bucket' } };

beforeAll(() => {
	stateDir = mkdtempSync(join(tmpdir(), 'atelier-endpoint-'));
});
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

describe('who may call it', () => {
	it('answers the course page (loopback Host and Origin with the site port)', async () => {
		for (const host of ['127.0.0.1', 'localhost']) {
			const response = await handleLabCheck(
				post(valid, { host: `${host}:${PORT}`, origin: `http://${host}:${PORT}` }),
				'iam-setup',
				config(),
			);
			expect(response.status).toBe(200);
		}
	});

	it.each([
		['a rebound DNS name', { host: `evil.example:${PORT}` }],
		['another port', { host: '127.0.0.1:8080' }],
		['another site', { origin: 'https://evil.example' }],
		['a look-alike origin', { origin: `http://127.0.0.1.evil.example:${PORT}` }],
		['an https origin', { origin: `https://127.0.0.1:${PORT}` }],
		['the null origin', { origin: 'null' }],
		['no Origin at all', { origin: '' }],
	])('refuses %s with 403 before reading anything', async (_, headers) => {
		calls.length = 0;
		const request = post(valid, headers);
		if ((headers as Record<string, string>)['origin'] === '') request.headers.delete('origin');
		const response = await handleLabCheck(request, 'iam-setup', config());
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ error: 'forbidden' });
		expect(calls).toHaveLength(0);
	});
});

describe('what it accepts', () => {
	it.each([
		['an endpoint URL', { ...valid, endpoint: 'http://169.254.169.254' }],
		['a profile', { ...valid, profile: 'admin' }],
		['credentials', { ...valid, credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } }],
	])('rejects a body carrying %s (400 body.unknown-field)', async (_, body) => {
		calls.length = 0;
		const response = await handleLabCheck(post(body), 'iam-setup', config());
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: 'body.unknown-field' });
		expect(calls).toHaveLength(0);
	});

	it.each([
		[
			'form content',
			post('lab=iam-setup', { 'content-type': 'application/x-www-form-urlencoded' }),
			'body.content-type',
		],
		['broken JSON', post('{"lab":'), 'body.json'],
		['an array', post([]), 'body.shape'],
		['an unknown target', post({ ...valid, target: 'prod' }), 'body.target'],
		['a non-string parameter', post({ ...valid, params: { bucket: 1 } }), 'body.params'],
		['a lab that differs from the path', post({ ...valid, lab: 'first-deployment' }), 'body.lab'],
		['a huge body', post({ ...valid, params: { bucket: 'a'.repeat(9000) } }), 'body.too-large'],
	])('rejects %s', async (_, request, error) => {
		const response = await handleLabCheck(request, 'iam-setup', config());
		expect(response.status).toBe(400);
		expect((await response.json()).error).toBe(error);
	});

	it('validates the parameters with the naming rules and names the faulty one', async () => {
		const response = await handleLabCheck(
			post({ ...valid, params: { bucket: 'Bad_Bucket', userName: 'a b', extra: 'x' } }),
			'iam-setup',
			config(),
		);
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.error).toBe('params');
		expect(body.errors.map((e: { key: string; code: string }) => `${e.key}:${e.code}`).sort()).toEqual([
			'bucket:param.invalid',
			'extra:param.unknown',
			'userName:param.invalid',
		]);
	});

	it('requires the bucket', async () => {
		const response = await handleLabCheck(post({ ...valid, params: {} }), 'iam-setup', config());
		expect((await response.json()).errors[0]).toMatchObject({ key: 'bucket', code: 'param.required' });
	});

	it('answers 405 to anything but POST', async () => {
		const request = new Request(URL_PATH, { headers: { host: `127.0.0.1:${PORT}`, origin: ORIGIN } });
		expect((await handleLabCheck(request, 'iam-setup', config())).status).toBe(405);
	});
});

describe('where the check runs', () => {
	it("maps 'aws' to the server's own profile and region, never the browser's", async () => {
		calls.length = 0;
		const response = await handleLabCheck(
			post(valid),
			'iam-setup',
			config({ profile: 'course', region: 'eu-central-1' }),
		);
		expect(response.status).toBe(200);
		const [lab, params, options] = calls[0] ?? [];
		expect(lab).toBe('iam-setup');
		expect(params).toEqual({ bucket: 'my-revisions-bucket', region: 'eu-central-1' });
		expect(options).toMatchObject({ profile: 'course', lang: 'en', shell: 'bash' });
		expect(options?.endpointUrl).toBeUndefined();
		expect(options?.credentials).toBeUndefined();
	});

	it('keeps the learner region when given, and passes the shell for the fixes', async () => {
		calls.length = 0;
		const url = `${ORIGIN}/api/labs/iam-setup/check?lang=fr&shell=powershell`;
		await handleLabCheck(
			post({ ...valid, params: { ...valid.params, region: 'eu-west-1' } }, {}, url),
			'iam-setup',
			config({ region: 'eu-central-1' }),
		);
		expect(calls[0]?.[1]['region']).toBe('eu-west-1');
		expect(calls[0]?.[2]).toMatchObject({ lang: 'fr', shell: 'powershell' });
	});

	it('says so when the practice account is not running', async () => {
		const response = await handleLabCheck(post({ ...valid, target: 'practice' }), 'iam-setup', config());
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({ error: 'practice-not-running' });
	});

	it('refuses the practice target for the first-deployment lab (no EC2 nor CodeDeploy there)', async () => {
		const url = `${ORIGIN}/api/labs/first-deployment/check`;
		const response = await handleLabCheck(
			post({ lab: 'first-deployment', target: 'practice', params: { bucket: 'b-bucket' } }, {}, url),
			'first-deployment',
			config(),
		);
		expect(response.status).toBe(400);
		expect((await response.json()).error).toBe('practice-unsupported');
	});

	it('reads its configuration from the environment npm start sets', () => {
		const c = labCheckConfigFromEnv({
			PORT: '4321',
			ATELIER_LAB_PROFILE: 'p',
			ATELIER_LAB_REGION: 'eu-west-1',
			ATELIER_SANDBOX_STATE_DIR: '/tmp/s',
		});
		expect(c).toMatchObject({ port: '4321', profile: 'p', region: 'eu-west-1', sandboxStateDir: '/tmp/s' });
	});
});

describe('the practice target against a running practice account', () => {
	let sandbox: RunningSandbox;
	let dir: string;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'atelier-endpoint-sandbox-'));
		sandbox = await startSandbox({ port: 0, stateDir: dir, advertise: true });
	});
	afterAll(async () => {
		await sandbox.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it("runs the real engine with the sandbox's stored keys, and never echoes them", async () => {
		const response = await handleLabCheck(post({ ...valid, target: 'practice' }), 'iam-setup', {
			port: PORT,
			sandboxStateDir: dir,
		});
		expect(response.status).toBe(200);
		const text = await response.text();
		const report = JSON.parse(text);
		expect(report.principal).toBe('arn:aws:iam::000000000000:user/admin');
		const statuses = Object.fromEntries(
			report.results.map((r: { id: string; status: string }) => [r.id, r.status]),
		);
		expect(statuses['identity']).toBe('pass');
		expect(statuses['user']).toBe('fail');
		expect(report.results.find((r: { id: string }) => r.id === 'user').message).toMatch(/codedeploy-user/);
		expect(text).not.toContain(sandbox.credentials.secretAccessKey);
		expect(text).not.toContain(sandbox.credentials.accessKeyId);
		expect(text).not.toContain(sandbox.url);
	});
});

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DEFAULT_SCHEMA_PATH, schemaText } from '../../../labs/cli/appspec.ts';
import { memoryIo } from '../../../labs/cli/io.ts';

let dir = '';
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'appspec-cli-'));
	await writeFile(join(dir, 'good.yml'), 'version: 0.0\nos: linux\n');
	await writeFile(
		join(dir, 'warn.yml'),
		'version: 0.0\nos: linux\nhooks:\n  BeforeInstal:\n    - location: a.sh\n',
	);
	await writeFile(join(dir, 'bad.yml'), 'version: "0.0"\nos: linux\n');
});

async function run(...argv: string[]) {
	const io = memoryIo({ LANG: 'en_US.UTF-8' }, dir);
	const code = await cli(argv, io.io);
	return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('appspec CLI', () => {
	it('exits 0 for valid files and for warnings only', async () => {
		expect((await run('validate', 'good.yml')).code).toBe(0);
		expect((await run('validate', 'good.yml', 'warn.yml')).code).toBe(0);
	});

	it('exits 1 when any file has an error', async () => {
		expect((await run('validate', 'good.yml', 'bad.yml')).code).toBe(1);
	});

	it('exits 2 on usage errors and unreadable files', async () => {
		expect((await run()).code).toBe(2);
		expect((await run('validate')).code).toBe(2);
		expect((await run('lint', 'good.yml')).code).toBe(2);
		expect((await run('validate', 'good.yml', '--platform', 'k8s')).code).toBe(2);
		expect((await run('validate', 'good.yml', '--os', 'mac')).code).toBe(2);
		expect((await run('validate', 'good.yml', '--format', 'xml')).code).toBe(2);
		expect((await run('validate', 'good.yml', '--bogus')).code).toBe(2);
		const missing = await run('validate', 'missing.yml');
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('Cannot read missing.yml: ENOENT');
	});

	it('prints the exact JSON shape, on stdout only', async () => {
		const { stdout, stderr, code } = await run('validate', 'bad.yml', 'good.yml', '--format', 'json');
		expect(code).toBe(1);
		expect(stderr).toBe('');
		const report = JSON.parse(stdout) as unknown;
		expect(report).toEqual({
			files: [
				{
					file: 'bad.yml',
					platform: 'server',
					valid: false,
					diagnostics: [
						{
							code: 'version-quoted',
							severity: 'error',
							message: expect.stringContaining('Agent: «The deployment failed') as unknown,
							line: 1,
							column: 10,
							endLine: 1,
							endColumn: 15,
						},
					],
				},
				{ file: 'good.yml', platform: 'server', valid: true, diagnostics: [] },
			],
		});
	});

	it('prints file:line:column, a code frame with carets and the message', async () => {
		const { stdout } = await run('validate', 'warn.yml', '--lang', 'fr');
		expect(stdout).toContain('warn.yml:4:3 avertissement hook-unknown-name');
		expect(stdout).toContain('> 4 |   BeforeInstal:\n    |   ^^^^^^^^^^^^\n');
		expect(stdout).toContain('Vouliez-vous dire « BeforeInstall » ?');
	});

	it('honours --platform and --os', async () => {
		const json = async (...extra: string[]) =>
			JSON.parse((await run('validate', 'good.yml', '--format', 'json', ...extra)).stdout) as {
				files: { platform: string; diagnostics: { code: string }[] }[];
			};
		expect((await json('--os', 'windows')).files[0]?.diagnostics.map((d) => d.code)).toEqual(['os-mismatch']);
		expect((await json('--platform', 'lambda')).files[0]?.platform).toBe('lambda');
	});

	it('writes the JSON Schema to --out, or to stdout with -', async () => {
		expect((await run('schema', '--out', 'out/schema.json')).code).toBe(0);
		expect(await readFile(join(dir, 'out/schema.json'), 'utf8')).toBe(schemaText());
		expect((await run('schema', '--out', '-')).stdout).toBe(schemaText());
	});
});

describe('committed JSON Schema', () => {
	it('equals the one generated from the zod schemas (run `npm run appspec -- schema` to update)', async () => {
		const committed = await readFile(join(import.meta.dirname, '../../..', DEFAULT_SCHEMA_PATH), 'utf8');
		expect(committed).toBe(schemaText());
	});

	it('describes every field in both languages', () => {
		const descriptions: string[] = [];
		JSON.parse(schemaText(), (key, value: unknown) => {
			if (key === 'description' && typeof value === 'string') descriptions.push(value);
			return value;
		});
		expect(descriptions.length).toBeGreaterThan(30);
		for (const d of descriptions) expect(d).toContain(' / ');
	});
});

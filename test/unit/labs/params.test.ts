import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBucketName, validateParams } from '../../../src/lib/labs/params.ts';
import { labFiles, paramDefinitions, parseLab, renderStep } from '../../../src/lib/labs/schema.ts';
import { quoteBash, quotePowerShell, renderCommand, renderFileCommand } from '../../../src/lib/labs/shell.ts';

const root = join(import.meta.dirname, '../../..');
const load = (id: string) => parseLab(readFileSync(join(root, `content/labs/${id}.yaml`), 'utf8'));

describe('lab parameters', () => {
	const lab = load('iam-setup').lab!;
	it('have the exact keys and defaults of the issue', () => {
		expect(lab.parameters.map((p) => [p.key, p.default ?? null, p.required])).toEqual([
			['region', 'eu-west-3', false],
			['userName', 'codedeploy-user', false],
			['serviceRoleName', 'CodeDeployServiceRole', false],
			['instanceRoleName', 'CodeDeployDemo-EC2-Instance-Profile', false],
			['instanceProfileName', 'CodeDeployDemo-EC2-Instance-Profile', false],
			['bucket', null, true],
			['accountId', null, false],
		]);
	});
	it('are validated against AWS naming rules', () => {
		const defs = paramDefinitions(lab);
		expect(validateParams(defs, { bucket: 'newbucketcodedeploy' }).errors).toEqual([]);
		const bad = validateParams(defs, {
			bucket: '192.168.0.1',
			userName: 'a b',
			accountId: '1234',
			region: 'Paris',
			serviceRoleName: 'x'.repeat(65),
		});
		expect(bad.errors.map((e) => `${e.key}:${e.code}`)).toEqual([
			'region:param.invalid',
			'userName:param.invalid',
			'serviceRoleName:param.too-long',
			'bucket:param.invalid',
			'accountId:param.invalid',
		]);
		expect(validateParams(defs, {}).errors.map((e) => e.code)).toEqual(['param.required']);
		expect(validateParams(defs, { bucket: 'ok-bucket', nope: 'x' }).errors.map((e) => e.code)).toEqual([
			'param.unknown',
		]);
	});
	it('bucket rules', () => {
		for (const ok of ['newbucketcodedeploy', 'a.b-c', 'abc']) expect(isValidBucketName(ok), ok).toBe(true);
		for (const bad of ['ab', 'A-bucket', 'a..b', '-ab', 'ab-', 'xn--ab', 'ab-s3alias', 'a_b', 'a'.repeat(64)])
			expect(isValidBucketName(bad), bad).toBe(false);
	});
});

describe('shell quoting', () => {
	it('leaves plain names bare and quotes the rest', () => {
		expect(quoteBash('CodeDeployServiceRole')).toBe('CodeDeployServiceRole');
		expect(quoteBash("it's")).toBe("'it'\\''s'");
		expect(quoteBash('a b')).toBe("'a b'");
		expect(quotePowerShell('Key=Name,Value=X')).toBe("'Key=Name,Value=X'");
		expect(quotePowerShell('@team')).toBe("'@team'");
		expect(quotePowerShell("it's")).toBe("'it''s'");
		expect(quotePowerShell('$env:x')).toBe("'$env:x'");
	});
	it('bash quoting round-trips through a POSIX word parser for any string', () => {
		// A tiny reference parser of the quoted forms quoteBash produces: bare words and '…' runs joined by \'.
		const unquote = (word: string) =>
			word.replace(/'([^']*)'|\\(.)|([^'\\]+)/g, (_m, q, e, bare) => q ?? e ?? bare);
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(unquote(quoteBash(s))).toBe(s);
			}),
		);
	});
	it('bash itself reads back exactly the quoted value (real bash, printf)', () => {
		const samples = fc.sample(
			fc.string({
				unit: fc.constantFrom(
					'a',
					' ',
					"'",
					'"',
					'$',
					'`',
					'\\',
					'!',
					'*',
					';',
					'&',
					'|',
					'(',
					')',
					'{',
					'}',
					',',
					'@',
					'=',
					'é',
					'\n',
				),
				maxLength: 12,
			}),
			40,
		);
		for (const value of [...samples, "it's", '$(rm -rf /)', '`id`', '*', '~', '']) {
			const out = execFileSync('bash', ['-c', `printf %s ${quoteBash(value)}`], { encoding: 'utf8' });
			expect(out).toBe(value);
		}
	});
	it('powershell quoting round-trips for any string', () => {
		const unquote = (word: string) => (word.startsWith("'") ? word.slice(1, -1).replace(/''/g, "'") : word);
		fc.assert(
			fc.property(
				fc.string().filter((s) => !/[\u2018\u2019\u201a\u201b]/.test(s)),
				(s) => {
					expect(unquote(quotePowerShell(s))).toBe(s);
				},
			),
		);
	});
	it('renders commands with the learner values for each shell', () => {
		const argv = [
			'aws',
			'deploy',
			'create-deployment-group',
			'--ec2-tag-filters',
			'Key={tagKey},Value={tagValue},Type=KEY_AND_VALUE',
		];
		const values = { tagKey: 'Name', tagValue: 'My App' };
		expect(renderCommand(argv, values, 'bash')).toBe(
			"aws deploy create-deployment-group --ec2-tag-filters 'Key=Name,Value=My App,Type=KEY_AND_VALUE'",
		);
		expect(renderCommand(argv, { tagKey: 'Name', tagValue: 'Demo' }, 'bash')).toBe(
			'aws deploy create-deployment-group --ec2-tag-filters Key=Name,Value=Demo,Type=KEY_AND_VALUE',
		);
		expect(renderCommand(argv, { tagKey: 'Name', tagValue: 'Demo' }, 'powershell')).toBe(
			"aws deploy create-deployment-group --ec2-tag-filters 'Key=Name,Value=Demo,Type=KEY_AND_VALUE'",
		);
	});
});

describe('file commands', () => {
	it('bash writes the file with a quoted here-document; PowerShell with a literal here-string, no BOM, no CR', () => {
		expect(renderFileCommand('t.json', '{ "a": "$HOME" }\n', 'bash')).toBe(
			`cat > t.json <<'EOF'\n{ "a": "$HOME" }\nEOF`,
		);
		expect(renderFileCommand('t.json', '{ "a": "$HOME" }\n', 'powershell')).toBe(
			`[IO.File]::WriteAllText("$PWD/t.json", (@'\n{ "a": "$HOME" }\n'@ -replace "\\r", ''))`,
		);
	});
});

describe('lab files', () => {
	for (const id of ['iam-setup', 'first-deployment']) {
		it(`${id} is valid, and every step renders for bash and PowerShell with the learner's names`, () => {
			const { lab, errors } = load(id);
			expect(errors).toEqual([]);
			const values = {
				region: 'eu-west-3',
				bucket: 'my-bucket-42',
				accountId: '123456789012',
				userName: 'codedeploy-user',
				serviceRoleName: 'CodeDeployServiceRole',
				instanceRoleName: 'R',
				instanceProfileName: 'P',
				applicationName: 'DemoApp',
				deploymentGroupName: 'DemoDG',
				revisionKey: 'app.zip',
				tagKey: 'Name',
				tagValue: 'CodeDeployDemo',
			};
			for (const step of lab!.steps)
				for (const shell of ['bash', 'powershell'] as const) {
					const rendered = renderStep(lab!, step, values, shell);
					const text = [
						...rendered.commands,
						...rendered.solution,
						...rendered.cleanup,
						...rendered.files.map((f) => f.command),
					].join('\n');
					expect(text, `${id}/${step.id}`).not.toMatch(
						/\{(region|bucket|accountId|userName|serviceRoleName|instanceRoleName|instanceProfileName|applicationName|deploymentGroupName|revisionKey|tagKey|tagValue)\}/,
					);
					expect(step.hints.length).toBeGreaterThanOrEqual(2);
				}
			// JSON files stay valid JSON once filled in.
			for (const [name, content] of Object.entries(labFiles(lab!)))
				if (name.endsWith('.json'))
					expect(() =>
						JSON.parse(
							content.replace(/\{(\w+)\}/g, (_m, k: string) => (values as Record<string, string>)[k] ?? k),
						),
					).not.toThrow();
		});
	}
});

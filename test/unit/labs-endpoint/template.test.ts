import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLab, paramDefinitions, type Lab } from '../../../src/lib/labs/schema.ts';
import {
	cliCommand,
	pageValues,
	practiceFix,
	renderTemplate,
	splitStored,
	withTarget,
} from '../../../src/components/labs/template.ts';

/** What the lab pages show: the same rendering at build time (placeholders) and in the browser (values). */

const lab = parseLab(readFileSync(join(import.meta.dirname, '../../../content/labs/iam-setup.yaml'), 'utf8'))
	.lab as Lab;
const definitions = paramDefinitions(lab);

describe('page values', () => {
	it('shows defaults, and a visible <param> marker where there is no default', () => {
		const page = pageValues(definitions, {}, 'aws');
		const command = renderTemplate(
			{
				k: 'cmd',
				run: ['aws', 's3api', 'create-bucket', '--bucket', '{bucket}', '--region', '{region}'],
				where: 'learner',
				shell: 'bash',
			},
			page,
		);
		expect(command).toBe('aws s3api create-bucket --bucket <bucket> --region eu-west-3');
		expect(page.errors).toEqual([]);
	});

	it('fills the learner values, quoted for each shell', () => {
		const page = pageValues(definitions, { bucket: 'my-bucket', userName: 'dev@team' }, 'aws');
		const run = ['aws', 'iam', 'create-user', '--user-name', '{userName}'];
		expect(renderTemplate({ k: 'cmd', run, where: 'admin', shell: 'bash' }, page)).toBe(
			'aws iam create-user --user-name dev@team',
		);
		expect(renderTemplate({ k: 'cmd', run, where: 'admin', shell: 'powershell' }, page)).toBe(
			"aws iam create-user --user-name 'dev@team'",
		);
	});

	it('keeps invalid values out of the commands and reports them', () => {
		const page = pageValues(definitions, { bucket: 'Bad_Bucket', region: 'mars' }, 'aws');
		expect(page.values['bucket']).toBe('QQPLACEHOLDERbucketQQ');
		expect(page.values['region']).toBe('eu-west-3');
		expect(page.errors.map((e) => `${e.key}:${e.code}`).sort()).toEqual([
			'bucket:param.invalid',
			'region:param.invalid',
		]);
	});

	it("uses the practice account's id when the learner gives none", () => {
		expect(pageValues(definitions, {}, 'practice').values['accountId']).toBe('000000000000');
		expect(pageValues(definitions, { accountId: '123456789012' }, 'practice').values['accountId']).toBe(
			'123456789012',
		);
	});

	it('fills files, with placeholders inside JSON', () => {
		const page = pageValues(definitions, {}, 'aws');
		const file = renderTemplate(
			{ k: 'file', name: 'p.json', content: '{"Resource": "arn:aws:s3:::{bucket}/*"}\n', shell: 'bash' },
			page,
		);
		expect(file).toBe(`cat > p.json <<'EOF'\n{"Resource": "arn:aws:s3:::<bucket>/*"}\nEOF`);
	});
});

describe('the practice account target', () => {
	it('adds the profile and the endpoint to aws commands on the learner machine only', () => {
		expect(withTarget(['aws', 'iam', 'get-user'], 'learner', 'practice')).toEqual([
			'aws',
			'iam',
			'get-user',
			'--profile',
			'atelier-sandbox',
			'--endpoint-url',
			'http://127.0.0.1:4566',
		]);
		expect(
			withTarget(['aws', 'sts', 'get-caller-identity', '--profile', 'codedeploy'], 'learner', 'practice'),
		).toEqual([
			'aws',
			'sts',
			'get-caller-identity',
			'--profile',
			'codedeploy',
			'--endpoint-url',
			'http://127.0.0.1:4566',
		]);
		expect(withTarget(['aws', 'configure', '--profile', 'codedeploy'], 'learner', 'practice')).toHaveLength(
			4,
		);
		expect(
			withTarget(['sudo', 'service', 'codedeploy-agent', 'status'], 'instance', 'practice'),
		).toHaveLength(4);
		expect(withTarget(['aws', 'iam', 'get-user'], 'learner', 'aws')).toHaveLength(3);
	});

	it("points the checker's fixes at the practice account too, leaving file-writing lines alone", () => {
		expect(practiceFix("cat > a.json <<'EOF'\n{}\nEOF\naws iam create-role --role-name R")).toBe(
			"cat > a.json <<'EOF'\n{}\nEOF\naws iam create-role --role-name R --profile atelier-sandbox --endpoint-url http://127.0.0.1:4566",
		);
	});
});

describe('stored values and the CLI fallback', () => {
	it('separates the page target from the lab parameters', () => {
		expect(splitStored({ bucket: 'b-b-b', '@target': 'practice' })).toEqual({
			params: { bucket: 'b-b-b' },
			target: 'practice',
		});
		expect(splitStored(undefined)).toEqual({ params: {}, target: 'aws' });
	});

	it('gives the exact CLI command, with PowerShell keeping npm’s "--"', () => {
		expect(cliCommand('iam-setup', { bucket: 'my-bucket', userName: 'dev@team' }, 'aws', 'bash')).toBe(
			'npm run -s lab -- check iam-setup --param bucket=my-bucket --param userName=dev@team',
		);
		expect(cliCommand('iam-setup', { bucket: 'my-bucket' }, 'practice', 'powershell')).toBe(
			"npm run -s lab '--' check iam-setup --param bucket=my-bucket --profile atelier-sandbox --endpoint-url http://127.0.0.1:4566",
		);
	});
});

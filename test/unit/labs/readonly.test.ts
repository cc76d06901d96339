import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parsePolicy } from '../../../src/lib/iam/index.ts';
import {
	READ_ONLY_OPERATIONS,
	READ_ONLY_VERBS,
	checkerPolicy,
	isAllowedCommandName,
} from '../../../src/lib/labs/allowlist.ts';

const root = join(import.meta.dirname, '../../..');

function tsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		return e.isDirectory() ? tsFiles(path) : e.name.endsWith('.ts') ? [path] : [];
	});
}

/** Every `*Command` name imported from an AWS SDK package in a file. */
export function importedCommands(source: string): string[] {
	const names: string[] = [];
	for (const match of source.matchAll(
		/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@aws-sdk\/client-[a-z0-9-]+['"]/g,
	))
		for (const part of (match[1] ?? '').split(',')) {
			const name =
				part
					.trim()
					.replace(/^type\s+/, '')
					.split(/\s+as\s+/)[0] ?? '';
			if (/Command$/.test(name)) names.push(name);
		}
	return names;
}

describe('read-only enforcement', () => {
	const checkerFiles = [...tsFiles(join(root, 'labs/aws')), ...tsFiles(join(root, 'labs/engine'))];

	it('the static scan sees the commands the checker imports (and catches a write)', () => {
		const all = checkerFiles.flatMap((f) => importedCommands(readFileSync(f, 'utf8')));
		expect(all).toContain('GetRoleCommand');
		expect(all).toContain('HeadBucketCommand');
		expect(
			importedCommands("import { DeleteRoleCommand, type GetRoleCommand } from '@aws-sdk/client-iam';"),
		).toEqual(['DeleteRoleCommand', 'GetRoleCommand']);
		expect(isAllowedCommandName('DeleteRoleCommand')).toBe(false);
	});

	for (const file of checkerFiles) {
		it(`${relative(root, file)} imports only allowlisted commands`, () => {
			const refused = importedCommands(readFileSync(file, 'utf8')).filter((c) => !isAllowedCommandName(c));
			expect(refused).toEqual([]);
		});
	}

	it('only labs/aws imports @aws-sdk/*', () => {
		const offenders = [...tsFiles(join(root, 'labs')), ...tsFiles(join(root, 'src/lib'))]
			.filter(
				(f) => !f.includes(`${join(root, 'labs/aws')}/`) && !f.includes(`${join(root, 'labs/sandbox')}/`),
			)
			.filter((f) => /from\s*['"]@aws-sdk\//.test(readFileSync(f, 'utf8')));
		expect(offenders.map((f) => relative(root, f))).toEqual([]);
	});

	it('every allowlisted operation is a read (Get/List/Head/Describe/BatchGet, SimulatePrincipalPolicy, STS identity/AssumeRole)', () => {
		for (const op of READ_ONLY_OPERATIONS) {
			const read = READ_ONLY_VERBS.some((verb) => op.operation.startsWith(verb));
			const special = ['SimulatePrincipalPolicy', 'GetCallerIdentity', 'AssumeRole'].includes(op.operation);
			expect(read || special, `${op.service}:${op.operation}`).toBe(true);
			if (op.operation === 'AssumeRole') expect(op.instructorOnly).toBe(true);
		}
	});
});

describe('AtelierLabChecker policy generated from the allowlist', () => {
	const account = '123456789012';
	const { policy, diagnostics } = parsePolicy(
		checkerPolicy({ accountId: account, bucket: 'newbucketcodedeploy' }),
		{ name: 'AtelierLabChecker' },
	);
	const resources: Record<string, string> = {
		user: `arn:aws:iam::${account}:user/codedeploy-user`,
		group: `arn:aws:iam::${account}:group/Admins`,
		role: `arn:aws:iam::${account}:role/CodeDeployServiceRole`,
		'instance-profile': `arn:aws:iam::${account}:instance-profile/P`,
		policy: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
		bucket: 'arn:aws:s3:::newbucketcodedeploy',
		object: 'arn:aws:s3:::newbucketcodedeploy/app.zip',
		any: '*',
	};
	it('is a valid policy', () => {
		expect(diagnostics).toEqual([]);
	});
	it('allows every call the checker makes (evaluated with the offline evaluator)', () => {
		for (const op of READ_ONLY_OPERATIONS.filter((o) => o.action && !o.instructorOnly)) {
			const decision = evaluate(
				{ action: op.action!, resource: resources[op.scope]! },
				{ identity: [policy!] },
			).decision;
			expect(decision, op.action).toBe('allow');
		}
	});
	it('allows no write, no AssumeRole, and nothing on other buckets', () => {
		for (const [action, resource] of [
			['iam:CreateRole', resources['role']],
			['iam:PutRolePolicy', resources['role']],
			['s3:PutObject', resources['object']],
			['s3:DeleteBucket', resources['bucket']],
			['s3:GetBucketPolicy', 'arn:aws:s3:::someone-else'],
			['sts:AssumeRole', resources['role']],
			['codedeploy:CreateDeployment', '*'],
		] as const)
			expect(evaluate({ action, resource: resource! }, { identity: [policy!] }).decision, action).toBe(
				'implicit-deny',
			);
	});
	it('is the file the lab attaches in step 3', async () => {
		const { parseLab, labFiles } = await import('../../../src/lib/labs/schema.ts');
		const lab = parseLab(readFileSync(join(root, 'content/labs/iam-setup.yaml'), 'utf8')).lab!;
		expect(JSON.parse(labFiles(lab)['AtelierLabChecker.json']!)).toEqual(
			checkerPolicy({ accountId: '{accountId}', bucket: '{bucket}' }),
		);
		const step = lab.steps.find((s) => s.id === 'restrict-user')!;
		expect(step.files).toContain('AtelierLabChecker.json');
		expect(step.commands.map((c) => c.run.slice(0, 3).join(' '))).toContain('aws iam attach-user-policy');
	});
	it('is the policy printed in the README', () => {
		const doc = readFileSync(join(root, 'README.md'), 'utf8');
		// The first JSON block of the labs section ("The checker's least-privilege policy").
		const section = doc.slice(doc.indexOf('## Guided labs'));
		const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
		expect(JSON.parse(block)).toEqual(
			checkerPolicy({ accountId: '123456789012', bucket: 'newbucketcodedeploy' }),
		);
	});
});

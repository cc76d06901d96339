/**
 * The shipped checker role (labs/instructor): its permissions are exactly the checker's least-privilege policy
 * generated from the allowlist, read-only, and its trust requires the instructor's account and the ExternalId.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	checkerTrustPolicy,
	shippedFiles,
	SHIPPED,
	TEMPLATE_ACCOUNT,
	TEMPLATE_BUCKET,
	unsubstituted,
} from '../../../labs/instructor/checker-role.ts';
import { checkerPolicy, READ_ONLY_OPERATIONS, READ_ONLY_VERBS } from '../../../src/lib/labs/allowlist.ts';

const dir = join(import.meta.dirname, '../../../labs/instructor');
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
type Template = {
	Resources: {
		CheckerRole: {
			Properties: {
				AssumeRolePolicyDocument: unknown;
				Policies: { PolicyName: string; PolicyDocument: unknown }[];
			};
		};
	};
};

describe('checker role for instructor mode', () => {
	it('the shipped files are what labs/instructor/checker-role.ts generates (node labs/instructor/checker-role.ts)', () => {
		for (const [name, content] of Object.entries(shippedFiles())) expect(read(name), name).toEqual(content);
	});

	it('the CloudFormation template’s policy equals the generated checker policy', () => {
		const template = read(SHIPPED.template) as unknown as Template;
		const [policy, ...others] = template.Resources.CheckerRole.Properties.Policies;
		expect(others).toEqual([]);
		expect(policy!.PolicyName).toBe('AtelierLabChecker');
		expect(unsubstituted(policy!.PolicyDocument)).toEqual(
			checkerPolicy({ accountId: TEMPLATE_ACCOUNT, bucket: TEMPLATE_BUCKET }),
		);
	});

	it('the plain IAM JSON permissions equal the generated checker policy', () => {
		expect(read(SHIPPED.permissions)).toEqual(checkerPolicy());
	});

	it('grants only read-only actions, never AssumeRole', () => {
		const actions = checkerPolicy().Statement.flatMap((s) => s.Action);
		expect(actions.length).toBeGreaterThan(10);
		const allowed = new Set(READ_ONLY_OPERATIONS.map((o) => o.action));
		for (const action of actions) {
			expect(allowed.has(action), action).toBe(true);
			expect(action).not.toBe('sts:AssumeRole');
			const verb = action.split(':')[1]!;
			expect(
				READ_ONLY_VERBS.some((v) => verb.startsWith(v)) || verb === 'SimulatePrincipalPolicy',
				action,
			).toBe(true);
		}
	});

	it('trusts only the instructor’s account, with the ExternalId condition (template and plain JSON)', () => {
		const template = read(SHIPPED.template) as unknown as Template;
		expect(unsubstituted(template.Resources.CheckerRole.Properties.AssumeRolePolicyDocument)).toEqual(
			checkerTrustPolicy('${InstructorAccountId}', '${ExternalId}'),
		);
		const trust = read(SHIPPED.trust) as ReturnType<typeof checkerTrustPolicy>;
		expect(trust.Statement).toEqual([
			expect.objectContaining({
				Principal: { AWS: 'arn:aws:iam::INSTRUCTOR_ACCOUNT_ID:root' },
				Action: 'sts:AssumeRole',
				Condition: { StringEquals: { 'sts:ExternalId': 'EXTERNAL_ID' } },
			}),
		]);
	});
});

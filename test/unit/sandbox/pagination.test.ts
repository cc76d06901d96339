import {
	AttachRolePolicyCommand,
	CreateRoleCommand,
	CreateUserCommand,
	ListUsersCommand,
	paginateListAttachedRolePolicies,
	paginateListUsers,
	type IAMClient,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, fixture, harness, status, type Harness } from './support.ts';

let h: Harness;
let iam: IAMClient;

beforeAll(async () => {
	h = await harness();
	iam = h.clients().iam;
	for (let i = 1; i <= 7; i++) await iam.send(new CreateUserCommand({ UserName: `student-${i}` }));
});
afterAll(() => h.close());

describe('IAM pagination (Marker, IsTruncated, MaxItems)', () => {
	it('truncates at MaxItems and continues from the Marker', async () => {
		const first = await iam.send(new ListUsersCommand({ MaxItems: 3 }));
		expect(first.Users).toHaveLength(3);
		expect(first.IsTruncated).toBe(true);
		expect(first.Marker).toBeTruthy();
		const second = await iam.send(new ListUsersCommand({ MaxItems: 3, Marker: first.Marker! }));
		expect(second.Users?.map((u) => u.UserName)).toEqual(['student-3', 'student-4', 'student-5']);
	});

	it('lets the SDK paginators collect every page', async () => {
		const names: string[] = [];
		let pages = 0;
		for await (const page of paginateListUsers({ client: iam, pageSize: 3 }, {})) {
			pages++;
			names.push(...(page.Users ?? []).map((u) => u.UserName!));
		}
		expect(pages).toBe(3);
		expect(names).toEqual(['admin', ...Array.from({ length: 7 }, (_, i) => `student-${i + 1}`)]);

		await iam.send(
			new CreateRoleCommand({
				RoleName: 'busy',
				AssumeRolePolicyDocument: fixture('CodeDeployDemo-EC2-Trust.json'),
			}),
		);
		const arns = [
			'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
			'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
			'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
		];
		for (const PolicyArn of arns)
			await iam.send(new AttachRolePolicyCommand({ RoleName: 'busy', PolicyArn }));
		const attached: string[] = [];
		for await (const page of paginateListAttachedRolePolicies(
			{ client: iam, pageSize: 1 },
			{ RoleName: 'busy' },
		))
			attached.push(...(page.AttachedPolicies ?? []).map((p) => p.PolicyArn!));
		expect(attached).toEqual(arns);
	});

	it('validates MaxItems and the Marker', async () => {
		const zero = await failure(() => iam.send(new ListUsersCommand({ MaxItems: 0 })));
		expect([zero.name, status(zero)]).toEqual(['ValidationError', 400]);
		const marker = await failure(() => iam.send(new ListUsersCommand({ Marker: 'not-a-marker' })));
		expect([marker.name, status(marker)]).toEqual(['InvalidInputException', 400]);
	});
});

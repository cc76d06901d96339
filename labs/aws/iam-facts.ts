import {
	GetAccountSummaryCommand,
	GetGroupPolicyCommand,
	GetInstanceProfileCommand,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRoleCommand,
	GetRolePolicyCommand,
	GetUserCommand,
	GetUserPolicyCommand,
	ListAccessKeysCommand,
	ListAttachedGroupPoliciesCommand,
	ListAttachedRolePoliciesCommand,
	ListAttachedUserPoliciesCommand,
	ListGroupPoliciesCommand,
	ListGroupsForUserCommand,
	ListInstanceProfilesForRoleCommand,
	ListRolePoliciesCommand,
	ListUserPoliciesCommand,
	type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type {
	AttachedPolicy,
	CallerIdentity,
	PolicyFact,
	Read,
	RoleFacts,
} from '../../src/lib/labs/facts.ts';
import { allPages, readAws, type ReadOptions } from './read.ts';

/** Every IAM/STS read the labs need; each returns a Read (never throws for AWS errors). */
export function iamReads(iam: IAMClient, sts: STSClient, options: ReadOptions) {
	const { limit } = options;
	const read = <T>(operation: string, task: () => Promise<T>) => readAws('iam', operation, options, task);

	const attached = (
		fetch: (marker: string | undefined) => Promise<{
			AttachedPolicies?: { PolicyName?: string | undefined; PolicyArn?: string | undefined }[] | undefined;
			IsTruncated?: boolean | undefined;
			Marker?: string | undefined;
		}>,
	) =>
		allPages(limit, fetch, (p) => p.AttachedPolicies).then((list) =>
			list.map((p): AttachedPolicy => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' })),
		);

	/** A managed policy's default version document (GetPolicy → DefaultVersionId → GetPolicyVersion). */
	const managedDocument = async (arn: string): Promise<string> => {
		const policy = await limit(() => iam.send(new GetPolicyCommand({ PolicyArn: arn })));
		const versionId = policy.Policy?.DefaultVersionId ?? 'v1';
		const version = await limit(() =>
			iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId })),
		);
		return version.PolicyVersion?.Document ?? '';
	};

	return {
		identity: (): Promise<Read<CallerIdentity>> =>
			readAws('sts', 'GetCallerIdentity', options, async () => {
				const out = await limit(() => sts.send(new GetCallerIdentityCommand({})));
				return { arn: out.Arn ?? '', account: out.Account ?? '', userId: out.UserId ?? '' };
			}),
		user: (userName: string) =>
			read('GetUser', async () => {
				const out = await limit(() => iam.send(new GetUserCommand({ UserName: userName })));
				return { arn: out.User?.Arn ?? '' };
			}),
		accessKeys: (userName: string) =>
			read('ListAccessKeys', () =>
				allPages(
					limit,
					(Marker) => iam.send(new ListAccessKeysCommand({ UserName: userName, Marker })),
					(p) => p.AccessKeyMetadata,
				).then((keys) => keys.map((k) => ({ id: k.AccessKeyId ?? '', status: k.Status ?? '' }))),
			),
		/** Inline + attached managed policies of the user and of each of its groups, with documents. */
		userPolicies: (userName: string) =>
			read('ListAttachedUserPolicies', async (): Promise<PolicyFact[]> => {
				const facts: PolicyFact[] = [];
				const inlineNames = await allPages(
					limit,
					(Marker) => iam.send(new ListUserPoliciesCommand({ UserName: userName, Marker })),
					(p) => p.PolicyNames,
				);
				for (const name of inlineNames) {
					const out = await limit(() =>
						iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: name })),
					);
					facts.push({ name, kind: 'inline', document: out.PolicyDocument ?? '' });
				}
				const managed = await attached((Marker) =>
					iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName, Marker })),
				);
				for (const p of managed)
					facts.push({ name: p.arn, kind: 'managed', document: await managedDocument(p.arn) });
				const groups = await allPages(
					limit,
					(Marker) => iam.send(new ListGroupsForUserCommand({ UserName: userName, Marker })),
					(p) => p.Groups,
				);
				for (const group of groups.map((g) => g.GroupName ?? '')) {
					const names = await allPages(
						limit,
						(Marker) => iam.send(new ListGroupPoliciesCommand({ GroupName: group, Marker })),
						(p) => p.PolicyNames,
					);
					for (const name of names) {
						const out = await limit(() =>
							iam.send(new GetGroupPolicyCommand({ GroupName: group, PolicyName: name })),
						);
						facts.push({ name, kind: 'inline', group, document: out.PolicyDocument ?? '' });
					}
					const groupManaged = await attached((Marker) =>
						iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: group, Marker })),
					);
					for (const p of groupManaged)
						facts.push({ name: p.arn, kind: 'managed', group, document: await managedDocument(p.arn) });
				}
				return facts;
			}),
		role: (roleName: string) =>
			read('GetRole', async (): Promise<RoleFacts> => {
				const out = await limit(() => iam.send(new GetRoleCommand({ RoleName: roleName })));
				return { arn: out.Role?.Arn ?? '', trustDocument: out.Role?.AssumeRolePolicyDocument ?? '' };
			}),
		roleAttached: (roleName: string) =>
			read('ListAttachedRolePolicies', () =>
				attached((Marker) => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker }))),
			),
		rolePolicies: (roleName: string) =>
			read('ListRolePolicies', async (): Promise<PolicyFact[]> => {
				const facts: PolicyFact[] = [];
				const names = await allPages(
					limit,
					(Marker) => iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker })),
					(p) => p.PolicyNames,
				);
				for (const name of names) {
					const out = await limit(() =>
						iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name })),
					);
					facts.push({ name, kind: 'inline', document: out.PolicyDocument ?? '' });
				}
				const managed = await attached((Marker) =>
					iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker })),
				);
				for (const p of managed)
					facts.push({ name: p.arn, kind: 'managed', document: await managedDocument(p.arn) });
				return facts;
			}),
		instanceProfile: (profileName: string) =>
			read('GetInstanceProfile', async () => {
				const out = await limit(() =>
					iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profileName })),
				);
				return {
					arn: out.InstanceProfile?.Arn ?? '',
					roles: (out.InstanceProfile?.Roles ?? []).map((r) => ({
						name: r.RoleName ?? '',
						arn: r.Arn ?? '',
					})),
				};
			}),
		profilesForRole: (roleName: string) =>
			read('ListInstanceProfilesForRole', () =>
				allPages(
					limit,
					(Marker) => iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: roleName, Marker })),
					(p) => p.InstanceProfiles,
				).then((list) => list.map((p) => p.InstanceProfileName ?? '')),
			),
		accountSummary: () =>
			read('GetAccountSummary', async () => {
				const out = await limit(() => iam.send(new GetAccountSummaryCommand({})));
				const map: Record<string, number> = {};
				for (const [k, v] of Object.entries(out.SummaryMap ?? {})) if (typeof v === 'number') map[k] = v;
				return map;
			}),
	};
}

import { parsePolicy, publicStatements } from '../../iam/index.ts';
import type { IamSetupFacts } from '../facts.ts';
import { firstUnreadable, ok, unreadable, withFix, type EvalContext, type Verdict } from '../result.ts';
import { value } from './names.ts';

export function evaluateInstanceProfile(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const profile = value(ctx, 'instanceProfileName');
	const role = value(ctx, 'instanceRoleName');
	const add = [
		'aws',
		'iam',
		'add-role-to-instance-profile',
		'--instance-profile-name',
		'{instanceProfileName}',
		'--role-name',
		'{instanceRoleName}',
	];
	const read = facts.instanceProfile;
	if (read.status === 'missing') {
		const others = (ok(facts.profilesForInstanceRole) ?? []).filter((name) => name !== profile);
		return withFix(
			{
				status: 'fail',
				messageKey: others.length ? 'instance-profile.missing-other' : 'instance-profile.missing',
				params: { profile, role, others: others.join(', ') },
				exists: false,
			},
			ctx,
			[['aws', 'iam', 'create-instance-profile', '--instance-profile-name', '{instanceProfileName}'], add],
			'console.iam-roles',
		);
	}
	const unread = unreadable(read);
	if (unread) return unread;
	const roles = ok(read)?.roles ?? [];
	if (roles.length === 0)
		return withFix(
			{ status: 'fail', messageKey: 'instance-profile.empty', params: { profile, role }, exists: true },
			ctx,
			[add],
		);
	const names = roles.map((r) => r.name);
	if (names.length === 1 && names[0] === role)
		return { status: 'pass', messageKey: 'instance-profile.pass', params: { profile, role }, exists: true };
	const remove = names
		.filter((n) => n !== role)
		.map((n) => [
			'aws',
			'iam',
			'remove-role-from-instance-profile',
			'--instance-profile-name',
			'{instanceProfileName}',
			'--role-name',
			n,
		]);
	return withFix(
		{
			status: 'fail',
			messageKey: 'instance-profile.wrong-role',
			params: { profile, role, found: names.join(', ') },
			exists: true,
		},
		ctx,
		names.includes(role) ? remove : [...remove, add],
	);
}

function createBucket(region: string): readonly string[] {
	const base = ['aws', 's3api', 'create-bucket', '--bucket', '{bucket}', '--region', '{region}'];
	// us-east-1 refuses a LocationConstraint; every other region requires it.
	return region === 'us-east-1'
		? base
		: [...base, '--create-bucket-configuration', 'LocationConstraint={region}'];
}

export function evaluateBucket(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const read = facts.bucket;
	const bucket = value(ctx, 'bucket');
	const region = value(ctx, 'region');
	const unread = unreadable(read);
	if (unread) return unread;
	const location = ok(read);
	if (!location || location.status === 'not-found')
		return withFix(
			{ status: 'fail', messageKey: 'bucket.missing', params: { bucket, region }, exists: false },
			ctx,
			[createBucket(region)],
			'console.s3-buckets',
		);
	if (location.status === 'forbidden')
		return withFix(
			{ status: 'fail', messageKey: 'bucket.forbidden', params: { bucket }, exists: false },
			ctx,
			[['aws', 's3api', 'head-bucket', '--bucket', '{bucket}'], createBucket(region)],
			'console.s3-buckets',
			// Bucket names are global: suggest one made unique by the account id.
			{ bucket: `${bucket}-${ctx.values['accountId'] ?? 'lab'}`.slice(0, 63).replace(/[-.]+$/, '') },
		);
	if (location.region !== region) {
		const suggested = `${bucket}-${region}`.slice(0, 63).replace(/[-.]+$/, '');
		return withFix(
			{
				status: 'fail',
				messageKey: 'bucket.other-region',
				params: { bucket, found: location.region, region, suggested },
				exists: true,
			},
			ctx,
			[createBucket(region)],
			'console.s3-buckets',
			{ bucket: suggested },
		);
	}
	return { status: 'pass', messageKey: 'bucket.pass', params: { bucket, region }, exists: true };
}

const PUBLIC_GRANTEES = [
	'http://acs.amazonaws.com/groups/global/AllUsers',
	'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
];

export function evaluateBucketPrivate(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const bucket = value(ctx, 'bucket');
	const pab = facts.publicAccessBlock;
	const block = ok(pab);
	if (
		block &&
		block.blockPublicAcls &&
		block.ignorePublicAcls &&
		block.blockPublicPolicy &&
		block.restrictPublicBuckets
	)
		return { status: 'pass', messageKey: 'bucket-private.pass', params: { bucket } };
	const unread =
		(pab.status === 'missing' ? undefined : unreadable(pab)) ??
		firstUnreadable(...[facts.bucketPolicy, facts.bucketAclGrantees].filter((r) => r.status !== 'missing'));
	if (unread) return unread;
	const policyDoc = ok(facts.bucketPolicy);
	const policy = policyDoc
		? parsePolicy(policyDoc, { kind: 'resource', name: 'bucket policy' }).policy
		: undefined;
	const publicByPolicy = !!policy && publicStatements(policy).length > 0 && !block?.restrictPublicBuckets;
	const grantees = ok(facts.bucketAclGrantees) ?? [];
	const publicByAcl = grantees.some((g) => PUBLIC_GRANTEES.includes(g)) && !block?.ignorePublicAcls;
	const blockAll = [
		'aws',
		's3api',
		'put-public-access-block',
		'--bucket',
		'{bucket}',
		'--public-access-block-configuration',
		'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
	];
	if (publicByPolicy || publicByAcl) {
		const reasons = [publicByPolicy ? 'policy' : '', publicByAcl ? 'acl' : ''].filter(Boolean).join('+');
		const steps = publicByPolicy
			? [['aws', 's3api', 'delete-bucket-policy', '--bucket', '{bucket}'], blockAll]
			: [blockAll];
		return withFix(
			{
				status: 'fail',
				messageKey:
					`bucket-private.public-${reasons === 'policy+acl' ? 'both' : reasons}` as 'bucket-private.public-policy',
				params: { bucket },
			},
			ctx,
			steps,
			'console.s3-permissions',
		);
	}
	return withFix(
		{ status: 'warn', messageKey: 'bucket-private.no-block', params: { bucket } },
		ctx,
		[blockAll],
		'console.s3-permissions',
	);
}

export function evaluateRootKeys(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const summary = ok(facts.accountSummary);
	if (!summary)
		return (
			unreadable(facts.accountSummary) ?? {
				status: 'error',
				messageKey: 'check.denied',
				params: { action: 'iam:GetAccountSummary' },
			}
		);
	if ((summary['AccountAccessKeysPresent'] ?? 0) > 0)
		return withFix(
			{ status: 'fail', messageKey: 'root-keys.present', params: {} },
			ctx,
			// Signed in as root, these act on the root user's own keys.
			[
				['aws', 'iam', 'list-access-keys'],
				['aws', 'iam', 'delete-access-key', '--access-key-id', 'ROOT_ACCESS_KEY_ID'],
			],
			'console.root-keys',
		);
	if (summary['AccountMFAEnabled'] === 0)
		return withFix(
			{ status: 'warn', messageKey: 'root-keys.no-mfa', params: {} },
			ctx,
			[],
			'console.root-mfa',
		);
	return { status: 'pass', messageKey: 'root-keys.pass', params: {} };
}

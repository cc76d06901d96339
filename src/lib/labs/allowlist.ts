/**
 * The checker's read-only allowlist: the ONLY AWS operations the lab checker may send. One list feeds
 * (1) the recording middleware that fails tests on any other command, (2) the static test on `*Command` imports,
 * (3) the `AtelierLabChecker` policy the learner attaches in step 3 and the README's least-privilege policy.
 */

export type AwsService = 'sts' | 'iam' | 's3' | 'ec2' | 'codedeploy';

/** Which ARN family the IAM action is granted on in the generated policy. */
type Scope = 'none' | 'user' | 'group' | 'role' | 'instance-profile' | 'policy' | 'bucket' | 'object' | 'any';

export interface AllowedOperation {
	readonly service: AwsService;
	/** The API operation name, as the SDK's command class is named without `Command`. */
	readonly operation: string;
	/** The IAM action the call needs (reference §3.2), or undefined when none is needed (GetCallerIdentity). */
	readonly action?: string;
	readonly scope: Scope;
	/** Sent only in instructor mode, never granted by the learner's checker policy. */
	readonly instructorOnly?: boolean;
}

const op = (service: AwsService, operation: string, scope: Scope, action?: string): AllowedOperation => {
	const iamAction = action ?? (scope === 'none' ? undefined : `${service}:${operation}`);
	return { service, operation, scope, ...(iamAction !== undefined && { action: iamAction }) };
};

export const READ_ONLY_OPERATIONS: readonly AllowedOperation[] = [
	op('sts', 'GetCallerIdentity', 'none'),
	{ ...op('sts', 'AssumeRole', 'role'), instructorOnly: true },
	op('iam', 'GetUser', 'user'),
	op('iam', 'ListAccessKeys', 'user'),
	op('iam', 'ListAttachedUserPolicies', 'user'),
	op('iam', 'ListUserPolicies', 'user'),
	op('iam', 'GetUserPolicy', 'user'),
	op('iam', 'ListGroupsForUser', 'user'),
	op('iam', 'ListAttachedGroupPolicies', 'group'),
	op('iam', 'ListGroupPolicies', 'group'),
	op('iam', 'GetGroupPolicy', 'group'),
	op('iam', 'GetRole', 'role'),
	op('iam', 'ListAttachedRolePolicies', 'role'),
	op('iam', 'ListRolePolicies', 'role'),
	op('iam', 'GetRolePolicy', 'role'),
	op('iam', 'ListInstanceProfilesForRole', 'role'),
	op('iam', 'SimulatePrincipalPolicy', 'role'),
	op('iam', 'GetInstanceProfile', 'instance-profile'),
	op('iam', 'GetPolicy', 'policy'),
	op('iam', 'GetPolicyVersion', 'policy'),
	op('iam', 'GetAccountSummary', 'any'),
	op('s3', 'HeadBucket', 'bucket', 's3:ListBucket'),
	op('s3', 'GetBucketLocation', 'bucket'),
	op('s3', 'GetBucketPolicy', 'bucket'),
	op('s3', 'GetBucketPolicyStatus', 'bucket'),
	op('s3', 'GetPublicAccessBlock', 'bucket', 's3:GetBucketPublicAccessBlock'),
	op('s3', 'GetBucketAcl', 'bucket'),
	op('s3', 'HeadObject', 'object', 's3:GetObject'),
	op('ec2', 'DescribeInstances', 'any'),
	op('codedeploy', 'GetApplication', 'any'),
	op('codedeploy', 'GetDeploymentGroup', 'any'),
	op('codedeploy', 'GetDeployment', 'any'),
	op('codedeploy', 'ListDeploymentTargets', 'any'),
	op('codedeploy', 'BatchGetDeploymentTargets', 'any'),
];

/** Read-only verbs only: a new entry that is not one of these is a mistake (tested). */
export const READ_ONLY_VERBS = ['Get', 'List', 'Head', 'Describe', 'BatchGet'] as const;

export function isAllowedOperation(service: string, operation: string): boolean {
	return READ_ONLY_OPERATIONS.some((o) => o.service === service && o.operation === operation);
}

/** `GetRoleCommand` → allowed? (for the static import test) */
export function isAllowedCommandName(command: string): boolean {
	const operation = command.replace(/Command$/, '');
	return READ_ONLY_OPERATIONS.some((o) => o.operation === operation);
}

/** The IAM action a denied call was missing, for "cannot verify (missing iam:GetRole)". */
export function actionFor(service: string, operation: string): string {
	return (
		READ_ONLY_OPERATIONS.find((o) => o.service === service && o.operation === operation)?.action ??
		`${service}:${operation}`
	);
}

export const CHECKER_POLICY_NAME = 'AtelierLabChecker';

export interface CheckerPolicyOptions {
	/** 12-digit account id; `*` (any account) when unknown. */
	readonly accountId?: string;
	/** The revision bucket; `*` when unknown (then any bucket's configuration can be read). */
	readonly bucket?: string;
}

/** The least-privilege, read-only policy generated from the allowlist (attached as `AtelierLabChecker`). */
export function checkerPolicy(options: CheckerPolicyOptions = {}): {
	Version: '2012-10-17';
	Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string | string[] }[];
} {
	const account = options.accountId ?? '*';
	const bucket = options.bucket ?? '*';
	const resources: Record<Exclude<Scope, 'none'>, string[]> = {
		user: [`arn:aws:iam::${account}:user/*`],
		group: [`arn:aws:iam::${account}:group/*`],
		role: [`arn:aws:iam::${account}:role/*`],
		'instance-profile': [`arn:aws:iam::${account}:instance-profile/*`],
		policy: ['arn:aws:iam::aws:policy/*', `arn:aws:iam::${account}:policy/*`],
		bucket: [`arn:aws:s3:::${bucket}`],
		object: [`arn:aws:s3:::${bucket}/*`],
		any: ['*'],
	};
	const sids: Record<Exclude<Scope, 'none'>, string> = {
		user: 'ReadLabUser',
		group: 'ReadLabUserGroups',
		role: 'ReadLabRoles',
		'instance-profile': 'ReadLabInstanceProfile',
		policy: 'ReadPolicyDocuments',
		bucket: 'ReadRevisionBucketConfiguration',
		object: 'ReadRevisionObjectMetadata',
		any: 'ReadAccountAndDeployments',
	};
	const order = Object.keys(sids) as Exclude<Scope, 'none'>[];
	const Statement = order.flatMap((scope) => {
		const actions = READ_ONLY_OPERATIONS.filter(
			(o) => o.scope === scope && !o.instructorOnly && o.action,
		).map((o) => o.action as string);
		if (actions.length === 0) return [];
		const list = resources[scope];
		return [
			{
				Sid: sids[scope],
				Effect: 'Allow' as const,
				Action: [...new Set(actions)].sort(),
				Resource: list.length === 1 ? (list[0] as string) : list,
			},
		];
	});
	return { Version: '2012-10-17', Statement };
}

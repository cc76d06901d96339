/**
 * What the checker read from AWS, as plain data. `labs/aws` gathers it (the only code that talks to AWS); the pure
 * evaluators in this folder turn it into CheckResults, so every verdict is unit-testable without the network.
 */

/** One read: found, absent (404 / NoSuchEntity), refused (AccessDenied: name the action), or failed otherwise. */
export type Read<T> =
	| { readonly status: 'ok'; readonly value: T }
	| { readonly status: 'missing' }
	| { readonly status: 'denied'; readonly action: string }
	| { readonly status: 'failed'; readonly code: string; readonly message: string };

export interface CallerIdentity {
	readonly arn: string;
	readonly account: string;
	readonly userId: string;
}

export interface RoleFacts {
	readonly arn: string;
	/** The trust policy as IAM returned it (URL-encoded or plain JSON). */
	readonly trustDocument: string;
}

/** A policy that applies to a principal, with its document as returned by IAM. */
export interface PolicyFact {
	/** Inline policy name or managed policy ARN. */
	readonly name: string;
	readonly kind: 'inline' | 'managed';
	/** When it comes through a group, the group's name. */
	readonly group?: string;
	readonly document: string;
}

export interface AttachedPolicy {
	readonly name: string;
	readonly arn: string;
}

export interface InstanceProfileFacts {
	readonly arn: string;
	readonly roles: readonly { readonly name: string; readonly arn: string }[];
}

/** HeadBucket, branched on status and headers: 200, 404, 403, or 301/400 with `x-amz-bucket-region`. */
export type BucketLocation =
	| { readonly status: 'found'; readonly region: string }
	| { readonly status: 'not-found' }
	| { readonly status: 'forbidden'; readonly region?: string };

export interface PublicAccessBlock {
	readonly blockPublicAcls: boolean;
	readonly ignorePublicAcls: boolean;
	readonly blockPublicPolicy: boolean;
	readonly restrictPublicBuckets: boolean;
}

export interface IamSetupFacts {
	readonly identity: Read<CallerIdentity>;
	readonly user: Read<{ readonly arn: string }>;
	readonly accessKeys: Read<readonly { readonly id: string; readonly status: string }[]>;
	/** Every policy of the user: inline, attached managed (default version), and its groups' ones. */
	readonly userPolicies: Read<readonly PolicyFact[]>;
	readonly serviceRole: Read<RoleFacts>;
	readonly serviceRoleAttached: Read<readonly AttachedPolicy[]>;
	readonly instanceRole: Read<RoleFacts>;
	readonly instanceRoleAttached: Read<readonly AttachedPolicy[]>;
	/** The instance role's inline and attached managed policies with their documents. */
	readonly instanceRolePolicies: Read<readonly PolicyFact[]>;
	readonly instanceProfile: Read<InstanceProfileFacts>;
	/** `ListInstanceProfilesForRole` on the instance role: the profiles that hold it. */
	readonly profilesForInstanceRole: Read<readonly string[]>;
	readonly bucket: Read<BucketLocation>;
	/** `missing` = no configuration (NoSuchPublicAccessBlockConfiguration). */
	readonly publicAccessBlock: Read<PublicAccessBlock>;
	/** `missing` = no bucket policy (NoSuchBucketPolicy). */
	readonly bucketPolicy: Read<string>;
	/** Grantee URIs of the bucket ACL (AllUsers / AuthenticatedUsers make it public). */
	readonly bucketAclGrantees: Read<readonly string[]>;
	readonly accountSummary: Read<Readonly<Record<string, number>>>;
}

export interface LifecycleEventFact {
	readonly name: string;
	readonly status: string;
	readonly errorCode?: string;
	readonly message?: string;
	readonly scriptName?: string;
	readonly logTail?: string;
}

export interface DeploymentTargetFact {
	readonly id: string;
	readonly status: string;
	readonly events: readonly LifecycleEventFact[];
}

export interface DeploymentFact {
	readonly id: string;
	readonly status: string;
	readonly createTime?: string;
	readonly errorCode?: string;
	readonly errorMessage?: string;
	readonly targets: readonly DeploymentTargetFact[];
}

export interface FirstDeploymentFacts {
	readonly identity: Read<CallerIdentity>;
	readonly application: Read<{ readonly computePlatform?: string }>;
	readonly deploymentGroup: Read<{
		readonly serviceRoleArn?: string;
		readonly ec2TagFilters: readonly {
			readonly key?: string;
			readonly value?: string;
			readonly type?: string;
		}[];
	}>;
	/** Running instances carrying the group's tags (EC2 DescribeInstances with the same filters). */
	readonly taggedInstances: Read<
		readonly { readonly id: string; readonly state: string; readonly profileArn?: string }[]
	>;
	readonly revisionObject: Read<{ readonly size?: number }>;
	/** The group's most recent deployment, if any (`missing` when none yet). */
	readonly lastDeployment: Read<DeploymentFact>;
}

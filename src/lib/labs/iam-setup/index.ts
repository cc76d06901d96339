import type { CheckDefinition } from '../checks.ts';
import type { IamSetupFacts } from '../facts.ts';
import { identityCheck } from '../identity.ts';
import {
	evaluateBucket,
	evaluateBucketPrivate,
	evaluateInstanceProfile,
	evaluateRootKeys,
} from './resources.ts';
import { evaluateInstanceRole, evaluateInstanceRoleS3, evaluateInstanceRoleScope } from './instance-role.ts';
import { evaluateServiceRole, evaluateServiceRolePolicy } from './service-role.ts';
import { evaluateAccessKey, evaluateLeastPrivilege, evaluateUser } from './user.ts';

const usable = { check: 'identity', when: 'usable' } as const;
const CD = 'https://docs.aws.amazon.com/codedeploy/latest/userguide';

/** The `iam-setup` lab's checks, in report order. Ids are stable: reports and instructors rely on them. */
export const IAM_SETUP_CHECKS: readonly CheckDefinition<IamSetupFacts>[] = [
	identityCheck<IamSetupFacts>(),
	{
		id: 'user',
		facts: ['user'],
		requires: [usable],
		docs: `${CD}/getting-started-setting-up.html`,
		evaluate: evaluateUser,
	},
	{
		id: 'user-access-key',
		facts: ['accessKeys'],
		requires: [usable, { check: 'user', when: 'pass' }],
		docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
		evaluate: evaluateAccessKey,
	},
	{
		id: 'user-least-privilege',
		facts: ['userPolicies', 'serviceRole', 'instanceRole', 'identity'],
		requires: [usable, { check: 'user', when: 'pass' }],
		docs: `${CD}/getting-started-policy.html`,
		evaluate: evaluateLeastPrivilege,
	},
	{
		id: 'service-role',
		facts: ['serviceRole'],
		requires: [usable],
		docs: `${CD}/getting-started-create-service-role.html`,
		evaluate: evaluateServiceRole,
	},
	{
		id: 'service-role-policy',
		facts: ['serviceRoleAttached'],
		requires: [usable, { check: 'service-role', when: 'exists' }],
		docs: `${CD}/getting-started-create-service-role.html`,
		evaluate: evaluateServiceRolePolicy,
	},
	{
		id: 'instance-role',
		facts: ['instanceRole'],
		requires: [usable],
		docs: `${CD}/getting-started-create-iam-instance-profile.html`,
		evaluate: evaluateInstanceRole,
	},
	{
		id: 'instance-role-s3',
		facts: ['instanceRole', 'instanceRolePolicies', 'bucketPolicy'],
		requires: [usable, { check: 'instance-role', when: 'exists' }],
		docs: `${CD}/getting-started-create-iam-instance-profile.html`,
		evaluate: evaluateInstanceRoleS3,
	},
	{
		id: 'instance-role-scope',
		facts: ['instanceRoleAttached', 'instanceRolePolicies'],
		requires: [usable, { check: 'instance-role', when: 'exists' }],
		docs: `${CD}/getting-started-create-iam-instance-profile.html`,
		evaluate: evaluateInstanceRoleScope,
	},
	{
		id: 'instance-profile',
		facts: ['instanceProfile', 'profilesForInstanceRole'],
		requires: [usable],
		docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html',
		evaluate: evaluateInstanceProfile,
	},
	{
		id: 'bucket',
		facts: ['bucket'],
		requires: [usable],
		docs: `${CD}/deployments-create-prerequisites.html`,
		evaluate: evaluateBucket,
	},
	{
		id: 'bucket-private',
		facts: ['publicAccessBlock', 'bucketPolicy', 'bucketAclGrantees'],
		requires: [usable, { check: 'bucket', when: 'exists' }],
		docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
		evaluate: evaluateBucketPrivate,
	},
	{
		id: 'root-keys',
		facts: ['accountSummary'],
		requires: [usable],
		docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
		evaluate: evaluateRootKeys,
	},
];

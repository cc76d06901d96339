/**
 * The read-only checker role a student deploys in their own account so the instructor can check their lab
 * (`lab class`). Trust: the instructor's account, only with the agreed ExternalId (confused-deputy guard).
 * Permissions: the checker's least-privilege policy, generated from the allowlist (src/lib/labs/allowlist.ts).
 *
 * `node labs/instructor/checker-role.ts` rewrites the shipped files next to this one; a test fails when they
 * drift from what this module generates.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKER_POLICY_NAME, checkerPolicy } from '../../src/lib/labs/allowlist.ts';

export const CHECKER_ROLE_NAME = 'AtelierLabCheckerRole';
/** Placeholders of the plain JSON trust policy, to replace before `aws iam create-role`. */
export const INSTRUCTOR_PLACEHOLDER = 'INSTRUCTOR_ACCOUNT_ID';
export const EXTERNAL_ID_PLACEHOLDER = 'EXTERNAL_ID';

export function checkerTrustPolicy(instructorAccount: string, externalId: string) {
	return {
		Version: '2012-10-17',
		Statement: [
			{
				Sid: 'AtelierInstructorChecks',
				Effect: 'Allow',
				Principal: { AWS: `arn:aws:iam::${instructorAccount}:root` },
				Action: 'sts:AssumeRole',
				Condition: { StringEquals: { 'sts:ExternalId': externalId } },
			},
		],
	};
}

/** Wraps every string holding `${…}` in `Fn::Sub`, so CloudFormation fills the account id and the bucket. */
function substituted(value: unknown): unknown {
	if (typeof value === 'string') return value.includes('${') ? { 'Fn::Sub': value } : value;
	if (Array.isArray(value)) return value.map(substituted);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituted(v)]));
	return value;
}

/** The inverse of `substituted` (tests compare the template's policy with the generated one). */
export function unsubstituted(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(unsubstituted);
	if (value && typeof value === 'object') {
		const entries = Object.entries(value);
		if (entries.length === 1 && entries[0]![0] === 'Fn::Sub') return entries[0]![1];
		return Object.fromEntries(entries.map(([k, v]) => [k, unsubstituted(v)]));
	}
	return value;
}

export const TEMPLATE_ACCOUNT = '${AWS::AccountId}';
export const TEMPLATE_BUCKET = '${RevisionBucket}';

export function checkerRoleTemplate() {
	return {
		AWSTemplateFormatVersion: '2010-09-09',
		Description:
			'Atelier CodeDeploy: read-only role that lets your instructor check your lab (lab class). It can only read; it changes nothing.',
		Parameters: {
			InstructorAccountId: {
				Type: 'String',
				AllowedPattern: '^\\d{12}$',
				Description: "Your instructor's 12-digit AWS account ID.",
			},
			ExternalId: {
				Type: 'String',
				AllowedPattern: '^[\\w+=,.@:/-]{2,1224}$',
				NoEcho: false,
				Description: 'The external ID your instructor gave you (the roster has the same value).',
			},
			RevisionBucket: {
				Type: 'String',
				AllowedPattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
				Description: "The lab's S3 revision bucket (the checker reads only its configuration).",
			},
			RoleName: { Type: 'String', Default: CHECKER_ROLE_NAME, Description: 'Name of the checker role.' },
		},
		Resources: {
			CheckerRole: {
				Type: 'AWS::IAM::Role',
				Properties: {
					RoleName: { Ref: 'RoleName' },
					Description: 'Read-only: lets the instructor run the Atelier CodeDeploy lab checks.',
					MaxSessionDuration: 3600,
					AssumeRolePolicyDocument: substituted(
						checkerTrustPolicy('${InstructorAccountId}', '${ExternalId}'),
					) as object,
					Policies: [
						{
							PolicyName: CHECKER_POLICY_NAME,
							PolicyDocument: substituted(
								checkerPolicy({ accountId: TEMPLATE_ACCOUNT, bucket: TEMPLATE_BUCKET }),
							) as object,
						},
					],
				},
			},
		},
		Outputs: {
			RoleArn: {
				Description: 'Give this ARN to your instructor.',
				Value: { 'Fn::GetAtt': ['CheckerRole', 'Arn'] },
			},
			RosterColumns: {
				Description: 'accountId,roleArn,externalId for the class roster.',
				Value: { 'Fn::Sub': '${AWS::AccountId},${CheckerRole.Arn},${ExternalId}' },
			},
		},
	};
}

export const SHIPPED = {
	template: 'checker-role.cfn.json',
	trust: 'checker-trust-policy.json',
	permissions: 'checker-permissions-policy.json',
} as const;

/** The shipped files' contents, by file name. */
export function shippedFiles(): Record<string, unknown> {
	return {
		[SHIPPED.template]: checkerRoleTemplate(),
		[SHIPPED.trust]: checkerTrustPolicy(INSTRUCTOR_PLACEHOLDER, EXTERNAL_ID_PLACEHOLDER),
		// Any account (the role only exists in the student's own) and any bucket: the plain JSON works unedited;
		// the CloudFormation template narrows the bucket with its RevisionBucket parameter.
		[SHIPPED.permissions]: checkerPolicy(),
	};
}

if (import.meta.main) {
	for (const [name, content] of Object.entries(shippedFiles()))
		writeFileSync(join(import.meta.dirname, name), `${JSON.stringify(content, null, 2)}\n`);
}

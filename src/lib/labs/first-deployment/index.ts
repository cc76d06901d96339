import type { CheckDefinition } from '../checks.ts';
import type { DeploymentFact, FirstDeploymentFacts } from '../facts.ts';
import { identityCheck } from '../identity.ts';
import { ok, unreadable, withFix, type EvalContext, type Verdict } from '../result.ts';
import { value } from '../iam-setup/names.ts';

const usable = { check: 'identity', when: 'usable' } as const;
const CD = 'https://docs.aws.amazon.com/codedeploy/latest/userguide';

const createGroup = [
	'aws',
	'deploy',
	'create-deployment-group',
	'--application-name',
	'{applicationName}',
	'--deployment-group-name',
	'{deploymentGroupName}',
	'--service-role-arn',
	'arn:aws:iam::{accountId}:role/{serviceRoleName}',
	'--ec2-tag-filters',
	'Key={tagKey},Value={tagValue},Type=KEY_AND_VALUE',
	'--deployment-config-name',
	'CodeDeployDefault.OneAtATime',
	'--region',
	'{region}',
];
const push = [
	'aws',
	'deploy',
	'push',
	'--application-name',
	'{applicationName}',
	'--s3-location',
	's3://{bucket}/{revisionKey}',
	'--source',
	'.',
	'--region',
	'{region}',
];
const createDeployment = [
	'aws',
	'deploy',
	'create-deployment',
	'--application-name',
	'{applicationName}',
	'--deployment-group-name',
	'{deploymentGroupName}',
	'--s3-location',
	'bucket={bucket},key={revisionKey},bundleType=zip',
	'--region',
	'{region}',
];

function evaluateApplication(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
	const application = value(ctx, 'applicationName');
	if (facts.application.status === 'missing')
		return withFix(
			{ status: 'fail', messageKey: 'application.missing', params: { application }, exists: false },
			ctx,
			[
				[
					'aws',
					'deploy',
					'create-application',
					'--application-name',
					'{applicationName}',
					'--compute-platform',
					'Server',
					'--region',
					'{region}',
				],
			],
			'console.codedeploy-applications',
		);
	const read = ok(facts.application);
	if (!read) return unreadable(facts.application) as Verdict;
	if (read.computePlatform && read.computePlatform !== 'Server')
		return {
			status: 'fail',
			messageKey: 'application.wrong-platform',
			params: { application, found: read.computePlatform },
			exists: true,
		};
	return { status: 'pass', messageKey: 'application.pass', params: { application }, exists: true };
}

function evaluateGroup(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
	const group = value(ctx, 'deploymentGroupName');
	if (facts.deploymentGroup.status === 'missing')
		return withFix(
			{ status: 'fail', messageKey: 'deployment-group.missing', params: { group }, exists: false },
			ctx,
			[createGroup],
			'console.codedeploy-applications',
		);
	return (
		unreadable(facts.deploymentGroup) ?? {
			status: 'pass',
			messageKey: 'deployment-group.pass',
			params: { group },
			exists: true,
		}
	);
}

function evaluateGroupRole(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
	const group = ok(facts.deploymentGroup);
	if (!group) return unreadable(facts.deploymentGroup) as Verdict;
	const role = value(ctx, 'serviceRoleName');
	const found = group.serviceRoleArn ?? '—';
	if (group.serviceRoleArn && group.serviceRoleArn.endsWith(`/${role}`))
		return { status: 'pass', messageKey: 'deployment-group-role.pass', params: { role } };
	return withFix(
		{ status: 'fail', messageKey: 'deployment-group-role.wrong', params: { role, found } },
		ctx,
		[
			[
				'aws',
				'deploy',
				'update-deployment-group',
				'--application-name',
				'{applicationName}',
				'--current-deployment-group-name',
				'{deploymentGroupName}',
				'--service-role-arn',
				'arn:aws:iam::{accountId}:role/{serviceRoleName}',
				'--region',
				'{region}',
			],
		],
	);
}

function evaluateGroupInstances(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
	const group = ok(facts.deploymentGroup);
	if (!group) return unreadable(facts.deploymentGroup) as Verdict;
	const tags = group.ec2TagFilters.map((f) => `${f.key ?? ''}=${f.value ?? ''}`).join(', ') || '—';
	if (group.ec2TagFilters.length === 0)
		return withFix(
			{ status: 'fail', messageKey: 'deployment-group-instances.no-filter', params: { tags } },
			ctx,
			[updateTags()],
		);
	const instances = ok(facts.taggedInstances);
	if (!instances) return unreadable(facts.taggedInstances) as Verdict;
	const running = instances.filter((i) => i.state === 'running');
	if (running.length === 0)
		return withFix(
			{
				status: 'fail',
				messageKey: 'deployment-group-instances.none',
				params: { tags, region: value(ctx, 'region') },
			},
			ctx,
			[
				[
					'aws',
					'ec2',
					'create-tags',
					'--resources',
					'INSTANCE_ID',
					'--tags',
					'Key={tagKey},Value={tagValue}',
					'--region',
					'{region}',
				],
			],
			'console.ec2-instances',
		);
	const withoutProfile = running.filter((i) => !i.profileArn).map((i) => i.id);
	if (withoutProfile.length > 0)
		return withFix(
			{
				status: 'warn',
				messageKey: 'deployment-group-instances.no-profile',
				params: { instances: withoutProfile.join(', ') },
			},
			ctx,
			[
				[
					'aws',
					'ec2',
					'associate-iam-instance-profile',
					'--instance-id',
					withoutProfile[0] ?? '',
					'--iam-instance-profile',
					'Name={instanceProfileName}',
					'--region',
					'{region}',
				],
			],
		);
	return {
		status: 'pass',
		messageKey: 'deployment-group-instances.pass',
		params: { tags, count: running.length },
	};
}

function updateTags(): readonly string[] {
	return [
		'aws',
		'deploy',
		'update-deployment-group',
		'--application-name',
		'{applicationName}',
		'--current-deployment-group-name',
		'{deploymentGroupName}',
		'--ec2-tag-filters',
		'Key={tagKey},Value={tagValue},Type=KEY_AND_VALUE',
		'--region',
		'{region}',
	];
}

function evaluateRevision(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
	const location = `s3://${value(ctx, 'bucket')}/${value(ctx, 'revisionKey')}`;
	if (facts.revisionObject.status === 'missing')
		return withFix({ status: 'fail', messageKey: 'revision.missing', params: { location } }, ctx, [push]);
	return (
		unreadable(facts.revisionObject) ?? { status: 'pass', messageKey: 'revision.pass', params: { location } }
	);
}

const KNOWN_SCRIPT_ERRORS = [
	'ScriptMissing',
	'ScriptNotExecutable',
	'ScriptTimedOut',
	'ScriptFailed',
	'UnknownError',
];
const KNOWN_DEPLOYMENT_ERRORS = [
	'HEALTH_CONSTRAINTS',
	'NO_INSTANCES',
	'IAM_ROLE_PERMISSIONS',
	'IAM_ROLE_MISSING',
	'AGENT_ISSUE',
	'REVISION_MISSING',
	'TIMEOUT',
];

export function evaluateLastDeployment(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
	if (facts.lastDeployment.status === 'missing')
		return withFix({ status: 'fail', messageKey: 'last-deployment.none', params: {} }, ctx, [
			createDeployment,
		]);
	const deployment = ok(facts.lastDeployment);
	if (!deployment) return unreadable(facts.lastDeployment) as Verdict;
	const id = deployment.id;
	if (deployment.status === 'Succeeded')
		return { status: 'pass', messageKey: 'last-deployment.pass', params: { id } };
	if (['Created', 'Queued', 'InProgress', 'Baking', 'Ready'].includes(deployment.status))
		return {
			status: 'error',
			messageKey: 'last-deployment.in-progress',
			params: { id, status: deployment.status },
		};
	return explainFailure(deployment, ctx);
}

/** The first lifecycle event that failed, on which instance, with which error code, explained. */
function explainFailure(deployment: DeploymentFact, ctx: EvalContext): Verdict {
	const logs = ['aws', 'deploy', 'get-deployment', '--deployment-id', deployment.id, '--region', '{region}'];
	for (const target of deployment.targets) {
		const event = target.events.find((e) => e.status === 'Failed');
		if (!event) continue;
		const code = event.errorCode ?? 'UnknownError';
		const params = {
			id: deployment.id,
			event: event.name,
			instance: target.id,
			code,
			script: event.scriptName ?? '',
			detail: (event.message ?? '').slice(0, 300),
			explanation: `explain.${KNOWN_SCRIPT_ERRORS.includes(code) ? code : 'UnknownError'}`,
		};
		return withFix({ status: 'fail', messageKey: 'last-deployment.event-failed', params }, ctx, [
			[
				'aws',
				'deploy',
				'get-deployment-target',
				'--deployment-id',
				deployment.id,
				'--target-id',
				target.id,
				'--region',
				'{region}',
			],
			createDeployment,
		]);
	}
	const code = deployment.errorCode ?? 'UNKNOWN';
	const explanation = `explain.${KNOWN_DEPLOYMENT_ERRORS.includes(code) ? code : 'UNKNOWN'}`;
	return withFix(
		{
			status: 'fail',
			messageKey: 'last-deployment.failed',
			params: {
				id: deployment.id,
				status: deployment.status,
				code,
				detail: (deployment.errorMessage ?? '').slice(0, 300),
				explanation,
			},
		},
		ctx,
		[logs],
	);
}

/** The `first-deployment` lab's checks, in report order. */
export const FIRST_DEPLOYMENT_CHECKS: readonly CheckDefinition<FirstDeploymentFacts>[] = [
	identityCheck<FirstDeploymentFacts>(),
	{
		id: 'application',
		facts: ['application'],
		requires: [usable],
		docs: `${CD}/applications-create.html`,
		evaluate: evaluateApplication,
	},
	{
		id: 'deployment-group',
		facts: ['deploymentGroup'],
		requires: [usable, { check: 'application', when: 'exists' }],
		docs: `${CD}/deployment-groups-create.html`,
		evaluate: evaluateGroup,
	},
	{
		id: 'deployment-group-role',
		facts: ['deploymentGroup'],
		requires: [usable, { check: 'deployment-group', when: 'pass' }],
		docs: `${CD}/getting-started-create-service-role.html`,
		evaluate: evaluateGroupRole,
	},
	{
		id: 'deployment-group-instances',
		facts: ['deploymentGroup', 'taggedInstances'],
		requires: [usable, { check: 'deployment-group', when: 'pass' }],
		docs: `${CD}/instances-tagging.html`,
		evaluate: evaluateGroupInstances,
	},
	{
		id: 'revision',
		facts: ['revisionObject'],
		requires: [usable],
		docs: `${CD}/application-revisions-push.html`,
		evaluate: evaluateRevision,
	},
	{
		id: 'last-deployment',
		facts: ['lastDeployment'],
		requires: [usable, { check: 'deployment-group', when: 'pass' }],
		docs: `${CD}/troubleshooting-deployments.html`,
		evaluate: evaluateLastDeployment,
	},
];

import type { FirstDeploymentFacts } from '../facts.ts';
import { ok, unreadable, withFix, type EvalContext, type Verdict } from '../result.ts';
import { value } from '../iam-setup/names.ts';
import { createApplication, createGroup, deleteApplication, push } from './commands.ts';

export function evaluateApplication(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
	const application = value(ctx, 'applicationName');
	if (facts.application.status === 'missing')
		return withFix(
			{ status: 'fail', messageKey: 'application.missing', params: { application }, exists: false },
			ctx,
			[createApplication],
			'console.codedeploy-applications',
		);
	const read = ok(facts.application);
	if (!read) return unreadable(facts.application) as Verdict;
	if (read.computePlatform && read.computePlatform !== 'Server')
		return withFix(
			{
				status: 'fail',
				messageKey: 'application.wrong-platform',
				params: { application, found: read.computePlatform },
				exists: true,
			},
			ctx,
			// The platform cannot be changed: replace the application (it holds nothing yet in this lab).
			[deleteApplication, createApplication],
			'console.codedeploy-applications',
		);
	return { status: 'pass', messageKey: 'application.pass', params: { application }, exists: true };
}

export function evaluateGroup(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
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

export function evaluateGroupRole(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
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

export function evaluateGroupInstances(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
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

export function evaluateRevision(facts: FirstDeploymentFacts, ctx: EvalContext): Verdict {
	const location = `s3://${value(ctx, 'bucket')}/${value(ctx, 'revisionKey')}`;
	if (facts.revisionObject.status === 'missing')
		return withFix({ status: 'fail', messageKey: 'revision.missing', params: { location } }, ctx, [push]);
	return (
		unreadable(facts.revisionObject) ?? { status: 'pass', messageKey: 'revision.pass', params: { location } }
	);
}

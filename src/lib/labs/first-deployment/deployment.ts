import type { DeploymentFact, FirstDeploymentFacts } from '../facts.ts';
import { ok, unreadable, withFix, type EvalContext, type Verdict } from '../result.ts';
import { createDeployment } from './commands.ts';

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

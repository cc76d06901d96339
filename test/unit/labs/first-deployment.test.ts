import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../../src/lib/labs/checks.ts';
import type { FirstDeploymentFacts } from '../../../src/lib/labs/facts.ts';
import { FIRST_DEPLOYMENT_CHECKS } from '../../../src/lib/labs/first-deployment/index.ts';
import { messageFor } from '../../../src/lib/labs/report.ts';
import type { CheckResult, EvalContext } from '../../../src/lib/labs/result.ts';
import { labFiles, parseLab } from '../../../src/lib/labs/schema.ts';

const lab = parseLab(
	readFileSync(join(import.meta.dirname, '../../../content/labs/first-deployment.yaml'), 'utf8'),
).lab!;
const ctx: EvalContext = {
	values: {
		region: 'eu-west-3',
		bucket: 'newbucketcodedeploy',
		serviceRoleName: 'CodeDeployServiceRole',
		instanceProfileName: 'CodeDeployDemo-EC2-Instance-Profile',
		accountId: '123456789012',
		applicationName: 'DemoApp',
		deploymentGroupName: 'DemoDG',
		revisionKey: 'app.zip',
		tagKey: 'Name',
		tagValue: 'CodeDeployDemo',
	},
	shell: 'bash',
	lang: 'en',
	files: labFiles(lab),
};

function facts(): FirstDeploymentFacts {
	return {
		identity: {
			status: 'ok',
			value: {
				arn: 'arn:aws:iam::123456789012:user/codedeploy-user',
				account: '123456789012',
				userId: 'AIDA',
			},
		},
		application: { status: 'ok', value: { computePlatform: 'Server' } },
		deploymentGroup: {
			status: 'ok',
			value: {
				serviceRoleArn: 'arn:aws:iam::123456789012:role/CodeDeployServiceRole',
				ec2TagFilters: [{ key: 'Name', value: 'CodeDeployDemo', type: 'KEY_AND_VALUE' }],
			},
		},
		taggedInstances: {
			status: 'ok',
			value: [
				{
					id: 'i-1',
					state: 'running',
					profileArn: 'arn:aws:iam::123456789012:instance-profile/CodeDeployDemo-EC2-Instance-Profile',
				},
			],
		},
		revisionObject: { status: 'ok', value: { size: 10 } },
		lastDeployment: { status: 'ok', value: { id: 'd-1', status: 'Succeeded', targets: [] } },
	};
}
const run = (change: (f: FirstDeploymentFacts) => FirstDeploymentFacts) =>
	evaluateChecks(FIRST_DEPLOYMENT_CHECKS, change(facts()), ctx);
const get = (results: CheckResult[], id: string) => results.find((r) => r.id === id)!;

describe('first-deployment evaluators', () => {
	it('a successful setup passes, with the check ids of the lab file', () => {
		const results = run((f) => f);
		expect(results.every((r) => r.status === 'pass')).toBe(true);
		expect(results.map((r) => r.id)).toEqual(lab.checks);
	});
	it('missing application: fail with create-application, dependants skipped', () => {
		const results = run((f) => ({ ...f, application: { status: 'missing' } }));
		expect(get(results, 'application').fix?.commands).toEqual([
			'aws deploy create-application --application-name DemoApp --compute-platform Server --region eu-west-3',
		]);
		expect(
			['deployment-group', 'deployment-group-role', 'deployment-group-instances', 'last-deployment'].map(
				(id) => get(results, id).status,
			),
		).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
		expect(get(results, 'revision').status).toBe('pass');
	});
	it('an ECS application is the wrong platform', () => {
		expect(
			get(
				run((f) => ({ ...f, application: { status: 'ok', value: { computePlatform: 'ECS' } } })),
				'application',
			).messageKey,
		).toBe('application.wrong-platform');
	});
	it('missing group: the create command carries the learner’s role ARN and tag', () => {
		const fix = get(
			run((f) => ({ ...f, deploymentGroup: { status: 'missing' } })),
			'deployment-group',
		).fix!.commands[0]!;
		expect(fix).toContain('--service-role-arn arn:aws:iam::123456789012:role/CodeDeployServiceRole');
		expect(fix).toContain('--ec2-tag-filters Key=Name,Value=CodeDeployDemo,Type=KEY_AND_VALUE');
	});
	it('group using another role', () => {
		const r = get(
			run((f) => ({
				...f,
				deploymentGroup: {
					status: 'ok',
					value: { serviceRoleArn: 'arn:aws:iam::123456789012:role/Other', ec2TagFilters: [] },
				},
			})),
			'deployment-group-role',
		);
		expect(r).toMatchObject({ status: 'fail', params: { found: 'arn:aws:iam::123456789012:role/Other' } });
	});
	it('no running tagged instance (NO_INSTANCES), or one without a profile (warn)', () => {
		expect(
			get(
				run((f) => ({ ...f, taggedInstances: { status: 'ok', value: [{ id: 'i-1', state: 'stopped' }] } })),
				'deployment-group-instances',
			).status,
		).toBe('fail');
		const warn = get(
			run((f) => ({ ...f, taggedInstances: { status: 'ok', value: [{ id: 'i-9', state: 'running' }] } })),
			'deployment-group-instances',
		);
		expect(warn).toMatchObject({ status: 'warn', messageKey: 'deployment-group-instances.no-profile' });
		expect(warn.fix?.commands[0]).toBe(
			'aws ec2 associate-iam-instance-profile --instance-id i-9 --iam-instance-profile Name=CodeDeployDemo-EC2-Instance-Profile --region eu-west-3',
		);
	});
	it('missing revision: aws deploy push with the learner’s location', () => {
		expect(
			get(
				run((f) => ({ ...f, revisionObject: { status: 'missing' } })),
				'revision',
			).fix?.commands,
		).toEqual([
			'aws deploy push --application-name DemoApp --s3-location s3://newbucketcodedeploy/app.zip --source . --region eu-west-3',
		]);
	});
	it('no deployment yet, and one still running (cannot verify yet)', () => {
		expect(
			get(
				run((f) => ({ ...f, lastDeployment: { status: 'missing' } })),
				'last-deployment',
			).messageKey,
		).toBe('last-deployment.none');
		expect(
			get(
				run((f) => ({
					...f,
					lastDeployment: { status: 'ok', value: { id: 'd-2', status: 'InProgress', targets: [] } },
				})),
				'last-deployment',
			).status,
		).toBe('error');
	});
	for (const code of [
		'ScriptMissing',
		'ScriptFailed',
		'ScriptNotExecutable',
		'ScriptTimedOut',
		'UnknownError',
	]) {
		it(`a failed ${code} event is named and explained`, () => {
			const r = get(
				run((f) => ({
					...f,
					lastDeployment: {
						status: 'ok',
						value: {
							id: 'd-3',
							status: 'Failed',
							targets: [
								{
									id: 'i-1',
									status: 'Failed',
									events: [{ name: 'BeforeInstall', status: 'Failed', errorCode: code, message: 'boom' }],
								},
							],
						},
					},
				})),
				'last-deployment',
			);
			expect(r).toMatchObject({
				status: 'fail',
				params: { event: 'BeforeInstall', instance: 'i-1', code, explanation: `explain.${code}` },
			});
			const text = messageFor(r, 'en');
			expect(text).toContain(`failed at event BeforeInstall on i-1: ${code}.`);
			expect(text).not.toContain('explain.');
			expect(messageFor(r, 'fr')).toContain('a échoué');
		});
	}
	it('a failure without a failed event falls back to the deployment error code (HEALTH_CONSTRAINTS)', () => {
		const r = get(
			run((f) => ({
				...f,
				lastDeployment: {
					status: 'ok',
					value: {
						id: 'd-4',
						status: 'Failed',
						errorCode: 'HEALTH_CONSTRAINTS',
						errorMessage: 'too many failed',
						targets: [
							{ id: 'i-1', status: 'Skipped', events: [{ name: 'ApplicationStop', status: 'Skipped' }] },
						],
					},
				},
			})),
			'last-deployment',
		);
		expect(r).toMatchObject({ messageKey: 'last-deployment.failed', params: { code: 'HEALTH_CONSTRAINTS' } });
		expect(messageFor(r, 'en')).toContain('restart the agent');
	});
});

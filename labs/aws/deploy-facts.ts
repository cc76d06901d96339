import {
	BatchGetDeploymentTargetsCommand,
	GetApplicationCommand,
	GetDeploymentCommand,
	GetDeploymentGroupCommand,
	ListDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import { DescribeInstancesCommand, type Filter } from '@aws-sdk/client-ec2';
import type {
	DeploymentFact,
	DeploymentTargetFact,
	FirstDeploymentFacts,
	Read,
} from '../../src/lib/labs/facts.ts';
import type { AwsClients } from './clients.ts';
import { allTokenPages, readAws, type ReadOptions } from './read.ts';

type Group = FirstDeploymentFacts['deploymentGroup'] extends Read<infer T> ? T : never;

/** CodeDeploy and EC2 reads of the first-deployment lab. */
export function deployReads(clients: AwsClients, options: ReadOptions) {
	const { limit } = options;
	const cd = clients.codedeploy;
	let groupRead: Promise<Read<Group & { lastDeploymentId?: string }>> | undefined;

	const group = (application: string, name: string) =>
		(groupRead ??= readAws('codedeploy', 'GetDeploymentGroup', options, async () => {
			const out = await limit(() =>
				cd.send(new GetDeploymentGroupCommand({ applicationName: application, deploymentGroupName: name })),
			);
			const info = out.deploymentGroupInfo ?? {};
			return {
				...(info.serviceRoleArn !== undefined && { serviceRoleArn: info.serviceRoleArn }),
				ec2TagFilters: (info.ec2TagFilters ?? []).map((f) => ({
					...(f.Key !== undefined && { key: f.Key }),
					...(f.Value !== undefined && { value: f.Value }),
					...(f.Type !== undefined && { type: f.Type }),
				})),
				...(info.lastAttemptedDeployment?.deploymentId !== undefined && {
					lastDeploymentId: info.lastAttemptedDeployment.deploymentId,
				}),
			};
		}));

	/** Running or pending instances matching any of the group's tag filters (CodeDeploy ORs them). */
	const taggedInstances = async (
		application: string,
		name: string,
	): Promise<FirstDeploymentFacts['taggedInstances']> => {
		const g = await group(application, name);
		if (g.status !== 'ok') return g;
		return readAws('ec2', 'DescribeInstances', options, async () => {
			const found = new Map<string, { id: string; state: string; profileArn?: string }>();
			for (const f of g.value.ec2TagFilters) {
				const filter: Filter =
					f.type === 'KEY_ONLY'
						? { Name: 'tag-key', Values: [f.key ?? ''] }
						: f.type === 'VALUE_ONLY'
							? { Name: 'tag-value', Values: [f.value ?? ''] }
							: { Name: `tag:${f.key ?? ''}`, Values: [f.value ?? ''] };
				const reservations = await allTokenPages(
					limit,
					(NextToken) => clients.ec2.send(new DescribeInstancesCommand({ Filters: [filter], NextToken })),
					(p) => p.Reservations,
				);
				for (const instance of reservations.flatMap((r) => r.Instances ?? [])) {
					const id = instance.InstanceId ?? '';
					found.set(id, {
						id,
						state: instance.State?.Name ?? '',
						...(instance.IamInstanceProfile?.Arn !== undefined && {
							profileArn: instance.IamInstanceProfile.Arn,
						}),
					});
				}
			}
			return [...found.values()];
		});
	};

	const lastDeployment = async (application: string, name: string): Promise<Read<DeploymentFact>> => {
		const g = await group(application, name);
		if (g.status !== 'ok') return g;
		const id = g.value.lastDeploymentId;
		if (!id) return { status: 'missing' };
		return readAws('codedeploy', 'GetDeployment', options, async () => {
			const out = await limit(() => cd.send(new GetDeploymentCommand({ deploymentId: id })));
			const info = out.deploymentInfo ?? {};
			const targets =
				info.status === 'Failed' || info.status === 'Stopped' ? await deploymentTargets(id) : [];
			return {
				id,
				status: info.status ?? 'Unknown',
				...(info.createTime && { createTime: info.createTime.toISOString() }),
				...(info.errorInformation?.code !== undefined && { errorCode: info.errorInformation.code }),
				...(info.errorInformation?.message !== undefined && { errorMessage: info.errorInformation.message }),
				targets,
			};
		});
	};

	const deploymentTargets = async (deploymentId: string): Promise<DeploymentTargetFact[]> => {
		const ids = await allTokenPages(
			limit,
			(nextToken) => cd.send(new ListDeploymentTargetsCommand({ deploymentId, nextToken })),
			(p) => p.targetIds,
		);
		const targets: DeploymentTargetFact[] = [];
		for (let i = 0; i < ids.length; i += 25) {
			const out = await limit(() =>
				cd.send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: ids.slice(i, i + 25) })),
			);
			for (const t of out.deploymentTargets ?? []) {
				const instance = t.instanceTarget;
				if (!instance) continue;
				targets.push({
					id: instance.targetId ?? '',
					status: instance.status ?? '',
					events: (instance.lifecycleEvents ?? []).map((e) => ({
						name: e.lifecycleEventName ?? '',
						status: e.status ?? '',
						...(e.diagnostics?.errorCode !== undefined && { errorCode: e.diagnostics.errorCode }),
						...(e.diagnostics?.message !== undefined && { message: e.diagnostics.message }),
						...(e.diagnostics?.scriptName !== undefined && { scriptName: e.diagnostics.scriptName }),
						...(e.diagnostics?.logTail !== undefined && { logTail: e.diagnostics.logTail }),
					})),
				});
			}
		}
		return targets;
	};

	return {
		application: (application: string) =>
			readAws('codedeploy', 'GetApplication', options, async () => {
				const out = await limit(() => cd.send(new GetApplicationCommand({ applicationName: application })));
				const platform = out.application?.computePlatform;
				return platform !== undefined ? { computePlatform: platform } : {};
			}),
		group: async (application: string, name: string): Promise<FirstDeploymentFacts['deploymentGroup']> => {
			const g = await group(application, name);
			if (g.status !== 'ok') return g;
			const { lastDeploymentId: _ignored, ...value } = g.value;
			return { status: 'ok', value };
		},
		taggedInstances,
		lastDeployment,
	};
}

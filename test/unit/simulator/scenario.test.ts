import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/lib/simulator/scenario.ts';
import { describeError } from '../../../src/lib/simulator/timeline.ts';
import { hooksFromAppSpec } from '../../../src/lib/simulator/appspec-hooks.ts';

function errors(raw: unknown) {
	const result = parseScenario(raw);
	if (result.ok) throw new Error('expected the scenario to be invalid');
	return result.errors.map((e) => [e.path, e.message]);
}

describe('scenario validation: located errors', () => {
	it('Lambda and ECS are blue/green only', () => {
		expect(errors({ platform: 'lambda', deploymentType: 'in-place' })).toContainEqual([
			'deploymentType',
			'scenario.inPlaceServerOnly',
		]);
		expect(errors({ platform: 'ecs', deploymentType: 'in-place' })).toContainEqual([
			'deploymentType',
			'scenario.inPlaceServerOnly',
		]);
	});

	it('blue/green on servers needs EC2 and a load balancer', () => {
		const found = errors({
			platform: 'server',
			deploymentType: 'blue-green',
			fleet: { size: 2, kind: 'on-premises' },
		});
		expect(found).toContainEqual(['fleet.kind', 'scenario.blueGreenNeedsEc2']);
		expect(found).toContainEqual(['loadBalancer', 'scenario.blueGreenNeedsLoadBalancer']);
	});

	it('configuration names are checked per platform, spelled exactly', () => {
		expect(
			errors({
				platform: 'lambda',
				deploymentConfig: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minutes',
			}),
		).toContainEqual(['deploymentConfig', 'scenario.unknownConfig']);
		expect(
			errors({ platform: 'ecs', deploymentConfig: 'CodeDeployDefault.ECSLinear10PercentEvery1Minute' }),
		).toContainEqual(['deploymentConfig', 'scenario.unknownConfig']);
		expect(
			errors({
				platform: 'server',
				fleet: { size: 2 },
				deploymentConfig: 'CodeDeployDefault.LambdaAllAtOnce',
			}),
		).toContainEqual(['deploymentConfig', 'scenario.unknownConfig']);
	});

	it('custom configurations: hosts for servers, traffic routing for Lambda/ECS, FLEET_PERCENT below 100', () => {
		expect(
			errors({
				platform: 'lambda',
				deploymentConfig: { minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 } },
			}),
		).toContainEqual(['deploymentConfig.minimumHealthyHosts', 'scenario.hostsServerOnly']);
		expect(
			errors({
				platform: 'server',
				fleet: { size: 2 },
				deploymentConfig: { trafficRouting: { type: 'AllAtOnce' } },
			}),
		).toContainEqual(['deploymentConfig.trafficRouting', 'scenario.trafficRoutingNotServer']);
		expect(
			errors({
				platform: 'server',
				fleet: { size: 2 },
				deploymentConfig: { minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 100 } },
			}),
		).toContainEqual(['deploymentConfig.minimumHealthyHosts.value', 'scenario.fleetPercentRange']);
		expect(
			errors({
				platform: 'server',
				fleet: { size: 2 },
				deploymentConfig: {
					name: 'CodeDeployDefault.Mine',
					minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 },
				},
			}),
		).toContainEqual(['deploymentConfig.name', 'scenario.customNameReserved']);
	});

	it('fleet size 1 to 100 (zod error located on the field)', () => {
		expect(errors({ platform: 'server', fleet: { size: 0 } }).map(([path]) => path)).toEqual(['fleet.size']);
		expect(errors({ platform: 'server', fleet: { size: 101 } }).map(([path]) => path)).toEqual([
			'fleet.size',
		]);
	});

	it('hooks: reserved and unknown names, wrong shapes', () => {
		const found = errors({
			platform: 'server',
			fleet: { size: 1 },
			hooks: { Install: [{ location: 'a' }], BeforeInstal: [{ location: 'a' }] },
		});
		expect(found).toContainEqual(['hooks.Install', 'scenario.reservedEvent']);
		expect(found).toContainEqual(['hooks.BeforeInstal', 'scenario.unknownHook']);
		expect(errors({ platform: 'ecs', hooks: [{ ValidateService: 'fn' }] })).toContainEqual([
			'hooks[0].ValidateService',
			'scenario.unknownHook',
		]);
		expect(errors({ platform: 'lambda', hooks: { BeforeAllowTraffic: [{ location: 'a' }] } })).toContainEqual(
			['hooks.BeforeAllowTraffic', 'scenario.functionHookShape'],
		);
		expect(errors({ platform: 'server', fleet: { size: 1 }, hooks: { BeforeInstall: 'fn' } })).toContainEqual(
			['hooks.BeforeInstall', 'scenario.serverHookShape'],
		);
	});

	it('faults must name existing instances and hooks that run something', () => {
		const found = errors({
			platform: 'server',
			fleet: { size: 3 },
			hooks: { AfterInstall: [{ location: 'a' }] },
			faults: [
				{ type: 'scriptFails', event: 'BeforeInstall', instances: [1] },
				{ type: 'scriptFails', event: 'AfterInstall', instances: [4] },
				{ type: 'instanceStops', instance: 9, at: 10 },
			],
		});
		expect(found).toContainEqual(['faults[0].event', 'scenario.faultWithoutHook']);
		expect(found).toContainEqual(['faults[1].instances[0]', 'scenario.noSuchInstance']);
		expect(found).toContainEqual(['faults[2].instance', 'scenario.noSuchInstance']);
		expect(
			errors({ platform: 'lambda', faults: [{ type: 'agentMissing', instances: 'all' }] }),
		).toContainEqual(['faults[0].type', 'scenario.faultServerOnly']);
	});

	it('unknown keys and wrong types are rejected where they are', () => {
		expect(errors({ platform: 'server', fleet: { size: 1 }, autoRollback: { onFailur: true } })[0]![0]).toBe(
			'autoRollback',
		);
		expect(errors({ platform: 'cloud' })[0]![0]).toBe('platform');
	});

	it('errors read in both languages', () => {
		const result = parseScenario({
			platform: 'server',
			deploymentType: 'blue-green',
			fleet: { size: 2, kind: 'on-premises' },
			loadBalancer: true,
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(describeError(result.errors[0]!, 'en')).toBe(
			'fleet.kind: Blue/green works with EC2 instances only, not on-premises ones',
		);
		expect(describeError(result.errors[0]!, 'fr')).toBe(
			'fleet.kind: Le bleu/vert ne fonctionne qu’avec des instances EC2, pas sur site',
		);
	});

	it('applies defaults: in-place and OneAtATime on servers, all-at-once and blue/green elsewhere', () => {
		const serverResult = parseScenario({ platform: 'server', fleet: { size: 2 } });
		expect(serverResult.ok && serverResult.scenario).toMatchObject({
			deploymentType: 'in-place',
			config: { name: 'CodeDeployDefault.OneAtATime' },
		});
		const lambdaResult = parseScenario({ platform: 'lambda' });
		expect(lambdaResult.ok && lambdaResult.scenario).toMatchObject({
			deploymentType: 'blue-green',
			config: { name: 'CodeDeployDefault.LambdaAllAtOnce' },
		});
	});
});

describe('hooks from a parsed AppSpec', () => {
	it('takes EC2 hooks (with runas) and ECS/Lambda Hooks as they are', () => {
		const ec2 = {
			version: 0.0,
			os: 'linux',
			hooks: { AfterInstall: [{ location: 'scripts/a.sh', timeout: 300, runas: 'root' }] },
		};
		const server = parseScenario({ platform: 'server', fleet: { size: 1 }, hooks: hooksFromAppSpec(ec2) });
		expect(server.ok && server.scenario.hooks).toEqual({
			AfterInstall: [{ location: 'scripts/a.sh', timeout: 300, duration: undefined }],
		});
		const ecs = {
			version: 0.0,
			Resources: [],
			Hooks: [{ BeforeInstall: 'CodeDeployHook_a' }, { AfterAllowTraffic: 'CodeDeployHook_b' }],
		};
		const parsed = parseScenario({ platform: 'ecs', hooks: hooksFromAppSpec(ecs) });
		expect(parsed.ok && Object.keys(parsed.scenario.hookFunctions)).toEqual([
			'BeforeInstall',
			'AfterAllowTraffic',
		]);
		expect(hooksFromAppSpec('not an appspec')).toEqual({});
	});
});

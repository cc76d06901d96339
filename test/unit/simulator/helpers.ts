import { parseScenario, type Scenario } from '../../../src/lib/simulator/scenario.ts';
import { simulate } from '../../../src/lib/simulator/simulate.ts';
import { toReport, type Report } from '../../../src/lib/simulator/report.ts';

/** Parses a scenario that the test expects to be valid, with its errors in the failure message otherwise. */
export function scenario(raw: Record<string, unknown>): Scenario {
	const result = parseScenario(raw);
	if (!result.ok) throw new Error(`invalid test scenario: ${JSON.stringify(result.errors)}`);
	return result.scenario;
}

export function run(raw: Record<string, unknown>, seed = 1): Report {
	return toReport(simulate(scenario(raw), { seed }));
}

/** A server fleet with one scripted hook per install event, so faults have something to hit. */
export function server(size: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		platform: 'server',
		fleet: { size },
		hooks: {
			ApplicationStop: [{ location: 'scripts/stop.sh' }],
			BeforeInstall: [{ location: 'scripts/before.sh' }],
			AfterInstall: [{ location: 'scripts/after.sh', timeout: 120 }],
			ApplicationStart: [{ location: 'scripts/start.sh' }],
			ValidateService: [{ location: 'scripts/check.sh' }],
			BeforeAllowTraffic: [{ location: 'scripts/warm.sh' }],
			BeforeBlockTraffic: [{ location: 'scripts/drain.sh' }],
		},
		...extra,
	};
}

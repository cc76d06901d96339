/**
 * The manual / scripted / CodeDeploy comparison table: one scenario (in-place, OneAtATime, load balancer, automatic
 * rollback, the AfterInstall script failing on one server) whose fleet size, faulty server and seed can change.
 * Shared by the Astro component (build time) and `cd-compare-methods`.
 */
import type { ApproachMetrics, Comparison } from '../../lib/simulator/compare.ts';
import type { Scenario } from '../../lib/simulator/scenario.ts';
import { clock } from '../../lib/simulator/timeline.ts';
import type { SimState } from './state.ts';

export interface CompareSettings {
	readonly size: number;
	/** 1-based faulty server; 0 for a release without a defect. */
	readonly faulty: number;
	readonly seed: number;
}

export const METHODS = ['manual', 'scripted', 'codedeploy'] as const;
export const COLUMNS = ['total', 'reduced', 'old', 'new', 'broken', 'recovered'] as const;
export type Column = (typeof COLUMNS)[number];

/** The widget state the comparison's scenario comes from (validated once, at build time). */
export function compareState(settings: CompareSettings): Partial<SimState> {
	return {
		platform: 'server',
		type: 'in-place',
		config: 'OneAtATime',
		size: settings.size,
		loadBalancer: true,
		rollbackOnFailure: true,
		faults:
			settings.faulty > 0 ? [{ kind: 'fail', instance: settings.faulty, event: 'AfterInstall', at: 0 }] : [],
		seed: settings.seed,
	};
}

/**
 * Another fleet size or faulty server on an already validated scenario: only the size and the one fault's position
 * change, both kept in range here, so the browser needs no validator for it.
 */
export function resize(base: Scenario, settings: CompareSettings): Scenario {
	const size = Math.min(100, Math.max(1, settings.size));
	const fault = base.faults.find((f) => f.type === 'scriptFails');
	const faults =
		fault && settings.faulty > 0 && settings.faulty <= size
			? [{ ...fault, instances: [settings.faulty] }]
			: [];
	return { ...base, fleet: { ...base.fleet, size }, faults };
}

/** The text of each cell, by method and column. */
export function cells(
	comparison: Comparison,
	yes: string,
	no: string,
): Record<(typeof METHODS)[number], Record<Column, string>> {
	const row = (m: ApproachMetrics): Record<Column, string> => ({
		total: clock(m.totalTime),
		reduced: clock(m.reducedCapacityTime),
		old: String(m.servers.old),
		new: String(m.servers.new),
		broken: String(m.servers.broken),
		recovered: m.recovered ? yes : no,
	});
	return {
		manual: row(comparison.manual),
		scripted: row(comparison.scripted),
		codedeploy: row(comparison.codedeploy),
	};
}

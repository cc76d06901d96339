/**
 * What the widget shows at one moment of a simulation, folded event by event from the engine's timeline:
 * one tile per instance (or per Lambda version / ECS task set), traffic weights, serving capacity and the
 * deployments so far. Pure, so the element and the tests replay the same story.
 */
import type { SimEvent } from '../../lib/simulator/events.ts';
import type { Scenario } from '../../lib/simulator/scenario.ts';
import { instanceId } from '../../lib/simulator/simulate.ts';

export interface Tile {
	readonly id: string;
	readonly role: 'in-place' | 'original' | 'replacement';
	event: string;
	status: string;
	health: 'Healthy' | 'Unhealthy';
	revision: string;
	stopped: boolean;
	terminated: boolean;
	/** Not yet provisioned (blue/green replacements before `provisioned`). */
	pending: boolean;
	serving: boolean;
}

export interface DeploymentView {
	readonly id: string;
	readonly kind: 'deployment' | 'rollback';
	status: string;
	errorCode: string | undefined;
}

export interface View {
	readonly tiles: Tile[];
	traffic: { original: number; replacement: number; test: number | undefined } | undefined;
	deployments: DeploymentView[];
	/** Lambda and ECS: the deployment's current event. */
	serviceEvent: { event: string; status: string } | undefined;
}

function tile(id: string, role: Tile['role'], pending: boolean, revision: string): Tile {
	return {
		id,
		role,
		event: '',
		status: '',
		health: 'Healthy',
		revision,
		stopped: false,
		terminated: false,
		pending,
		serving: !pending,
	};
}

/** The starting picture of a scenario, before any event. */
export function initialView(scenario: Scenario): View {
	const tiles: Tile[] = [];
	const old = scenario.firstDeployment ? 'Unknown' : 'Old';
	const positions = Array.from({ length: scenario.fleet.size }, (_, i) => i + 1);
	if (scenario.platform === 'server' && scenario.deploymentType === 'in-place') {
		for (const p of positions) tiles.push(tile(instanceId(scenario, 'in-place', p), 'in-place', false, old));
	} else if (scenario.platform === 'server') {
		for (const p of positions) tiles.push(tile(instanceId(scenario, 'original', p), 'original', false, old));
		for (const p of positions)
			tiles.push(tile(instanceId(scenario, 'replacement', p), 'replacement', true, 'Unknown'));
	} else {
		tiles.push(tile('v1', 'original', false, 'Old'), tile('v2', 'replacement', true, 'Unknown'));
	}
	const serverless = scenario.platform !== 'server';
	const blueGreen = scenario.deploymentType === 'blue-green';
	return {
		tiles,
		traffic: serverless || blueGreen ? { original: 100, replacement: 0, test: undefined } : undefined,
		deployments: [],
		serviceEvent: undefined,
	};
}

/** Applies one event to the view (in place). */
export function applyEvent(view: View, event: SimEvent, scenario: Scenario): void {
	const data = event.data;
	const find = (id: string | undefined) => view.tiles.find((t) => t.id === id);
	const lb = scenario.loadBalancer.enabled;
	switch (data.type) {
		case 'deployment': {
			const known = view.deployments.find((d) => d.id === data.deploymentId);
			if (known) {
				known.status = data.status;
				known.errorCode = data.errorCode;
			} else
				view.deployments.push({
					id: data.deploymentId,
					kind: data.kind,
					status: data.status,
					errorCode: data.errorCode,
				});
			return;
		}
		case 'lifecycle': {
			if (data.instanceId === undefined) {
				view.serviceEvent = { event: data.event, status: data.status };
				const replacement = view.tiles[1];
				if (replacement && data.event === 'Install' && data.status === 'Succeeded')
					replacement.pending = false;
				return;
			}
			const t = find(data.instanceId);
			// A failed instance keeps showing the event that failed, not the skipped ones after it.
			if (!t || (t.status === 'Failed' && data.status === 'Skipped')) return;
			t.event = data.event;
			t.status = data.status;
			t.pending = false;
			if (data.status === 'InProgress' && data.event === (lb ? 'BlockTraffic' : 'ApplicationStop'))
				t.serving = false;
			if (data.status === 'Succeeded' && data.event === (lb ? 'AllowTraffic' : 'ValidateService'))
				t.serving = true;
			if (data.status === 'Failed') t.serving = false;
			return;
		}
		case 'traffic':
			view.traffic = { original: data.original, replacement: data.replacement, test: data.test };
			if (scenario.platform !== 'server') {
				const [v1, v2] = view.tiles;
				if (v1) v1.serving = data.original > 0;
				if (v2) v2.serving = data.replacement > 0 || (data.test ?? 0) > 0;
			}
			return;
		case 'instance': {
			const t = find(data.instanceId);
			if (t) {
				t.health = data.health;
				t.revision = data.revision;
			}
			return;
		}
		case 'instanceStopped': {
			const t = find(data.instanceId);
			if (t) {
				t.stopped = true;
				t.serving = false;
			}
			return;
		}
		case 'provisioned':
			for (const t of view.tiles) if (t.role === 'replacement') t.pending = false;
			return;
		case 'terminated': {
			const role =
				data.target === 'originals' || data.target === 'originalTaskSet' ? 'original' : 'replacement';
			for (const t of view.tiles)
				if (t.role === role) {
					t.terminated = true;
					t.serving = false;
				}
			return;
		}
		default:
			return;
	}
}

/** Instances taking traffic (in-place: between BlockTraffic and AllowTraffic they are out of service). */
export function servingCount(view: View): number {
	return view.tiles.filter((t) => t.serving && !t.terminated && !t.stopped && !t.pending).length;
}

/** Events that make the timeline noisy without adding facts: their end line says it all. */
export function isQuietEvent(event: SimEvent): boolean {
	return (
		event.key === 'lifecycle.start' || event.key === 'lifecycle.serviceStart' || event.key === 'hook.start'
	);
}

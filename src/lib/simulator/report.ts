import type {
	DeploymentErrorCode,
	DeploymentKind,
	DeploymentStatus,
	EventStatus,
	InstanceHealth,
	RevisionHealth,
	SimEvent,
} from './events.ts';
import type { Role } from './scenario.ts';

export interface ReportEvent {
	name: string;
	status: EventStatus;
	start: number;
	end: number;
	errorCode?: string;
}

export interface ReportInstance {
	id: string;
	role: Role;
	health: InstanceHealth;
	revision: RevisionHealth;
	events: ReportEvent[];
}

export interface ReportDeployment {
	id: string;
	kind: DeploymentKind;
	status: DeploymentStatus;
	errorCode?: DeploymentErrorCode;
	batches: string[][];
	instances: ReportInstance[];
	hooks: { name: string; status: EventStatus; start: number; end: number }[];
	traffic: { t: number; original: number; replacement: number; test?: number }[];
}

/** The JSON report of the CLI; `status` is the status of the learner's deployment (the first one). */
export interface Report {
	status: DeploymentStatus;
	deployments: ReportDeployment[];
}

/** Folds a timeline into the per-deployment report (the browser component replays the events themselves). */
export function toReport(events: readonly SimEvent[]): Report {
	const deployments = new Map<string, ReportDeployment>();
	const instances = new Map<string, Map<string, ReportInstance>>();
	const get = (id: string): ReportDeployment => {
		let deployment = deployments.get(id);
		if (!deployment) {
			deployment = {
				id,
				kind: 'deployment',
				status: 'Created',
				batches: [],
				instances: [],
				hooks: [],
				traffic: [],
			};
			deployments.set(id, deployment);
			instances.set(id, new Map());
		}
		return deployment;
	};
	const instanceOf = (deploymentId: string, id: string, role: Role): ReportInstance => {
		const table = instances.get(deploymentId) as Map<string, ReportInstance>;
		let instance = table.get(id);
		if (!instance) {
			instance = { id, role, health: 'Healthy', revision: 'Unknown', events: [] };
			table.set(id, instance);
			get(deploymentId).instances.push(instance);
		}
		return instance;
	};
	for (const { t, data } of events) {
		switch (data.type) {
			case 'deployment': {
				const deployment = get(data.deploymentId);
				deployment.kind = data.kind;
				deployment.status = data.status;
				if (data.errorCode) deployment.errorCode = data.errorCode;
				break;
			}
			case 'batch':
				if (data.phase === 'install') get(data.deploymentId).batches.push([...data.instances]);
				break;
			case 'lifecycle': {
				if (data.status === 'InProgress' || data.status === 'Pending') break;
				const entry = { name: data.event, status: data.status, start: data.start, end: t };
				if (data.instanceId === undefined) {
					if (data.hookFunction !== undefined) get(data.deploymentId).hooks.push(entry);
				} else {
					const event: ReportEvent = data.errorCode ? { ...entry, errorCode: data.errorCode } : entry;
					instanceOf(data.deploymentId, data.instanceId, data.role ?? 'in-place').events.push(event);
				}
				break;
			}
			case 'instance': {
				const instance = instanceOf(data.deploymentId, data.instanceId, data.role);
				instance.health = data.health;
				instance.revision = data.revision;
				break;
			}
			case 'traffic':
				get(data.deploymentId).traffic.push({
					t,
					original: data.original,
					replacement: data.replacement,
					...(data.test === undefined ? {} : { test: data.test }),
				});
				break;
			default:
				break;
		}
	}
	const list = [...deployments.values()];
	return { status: list[0]?.status ?? 'Created', deployments: list };
}

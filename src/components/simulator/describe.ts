/** Sentences about a simulator state, from the widget catalog: the same words at build time and in the browser. */
import type { SimEvent } from '../../lib/simulator/events.ts';
import { format } from '../../lib/i18n/localized.ts';
import type { SimUiKey } from './messages.ts';
import { PREFIX, type SimFault, type SimState } from './state.ts';

/** One language's table of the widget catalog, as it crosses into the element (`data-i18n`). */
export type UiTable = Readonly<Record<SimUiKey, string>>;

export function uiText(table: UiTable) {
	return (key: SimUiKey, params: Readonly<Record<string, unknown>> = {}) => format(table[key], params);
}

type T = ReturnType<typeof uiText>;

export function describeFault(f: SimFault, platform: SimState['platform'], t: T): string {
	if (platform !== 'server' && (f.kind === 'fail' || f.kind === 'timeout'))
		return t(f.kind === 'fail' ? 'fault.failFn' : 'fault.timeoutFn', { event: f.event });
	return t(`fault.${f.kind}`, { ...f });
}

export function configLabel(s: SimState, t: T): string {
	return s.config === 'custom'
		? t('config.custom', { type: s.minType, value: s.minValue })
		: PREFIX + s.config;
}

/** Two or three sentences: platform, type and configuration; the fleet; the faults and the rollback setting. */
export function describeState(s: SimState, t: T): string[] {
	const lines = [
		t('summary', {
			platform: t(`platform.${s.platform}`),
			type: t(`type.${s.type}`),
			config: configLabel(s, t),
		}),
	];
	if (s.platform === 'server')
		lines.push(
			t('summaryFleet', {
				size: s.size,
				kind: t(s.onPremises ? 'kind.onprem' : 'kind.ec2'),
				lb: t(s.loadBalancer ? 'lb.on' : 'lb.off'),
			}),
		);
	lines.push(
		s.faults.length > 0
			? t('summaryFaults', { list: s.faults.map((f) => describeFault(f, s.platform, t)).join(t('listSep')) })
			: t('summaryNoFault'),
		t(s.rollbackOnFailure || s.rollbackOnAlarm ? 'summaryRollbackOn' : 'summaryRollbackOff'),
	);
	return lines;
}

/** The final status of every deployment of a timeline, `d-… Failed (HEALTH_CONSTRAINTS)`, in order. */
export function outcomes(events: readonly SimEvent[]): { id: string; kind: string; status: string }[] {
	const byId = new Map<string, { id: string; kind: string; status: string }>();
	for (const { data } of events)
		if (data.type === 'deployment')
			byId.set(data.deploymentId, {
				id: data.deploymentId,
				kind: data.kind,
				status: data.status + (data.errorCode ? ` (${data.errorCode})` : ''),
			});
	return [...byId.values()];
}

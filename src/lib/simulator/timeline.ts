import { translator } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/localized.ts';
import type { ApproachMetrics, Comparison } from './compare.ts';
import type { SimEvent } from './events.ts';
import { messages, type SimulatorMessageKey } from './messages.ts';
import type { ScenarioError } from './scenario.ts';

/** `h:mm:ss` from seconds, for timelines a person reads. */
export function clock(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function isKey(key: string): key is SimulatorMessageKey {
	return key in messages.en;
}

/** One line per event, in the learner's language. `verbose` keeps the "starts" lines and per-instance states. */
export function renderTimeline(events: readonly SimEvent[], lang: Lang, verbose = false): string[] {
	const t = translator(messages, lang);
	return events
		.filter(
			(e) =>
				verbose ||
				(e.key !== 'lifecycle.start' && e.key !== 'lifecycle.serviceStart' && e.key !== 'hook.start'),
		)
		.map((e) => `${clock(e.t)}  ${isKey(e.key) ? t(e.key, e.params) : e.key}`);
}

/** A scenario error as `path: message`, translating the simulator's own messages. */
export function describeError(error: ScenarioError, lang: Lang): string {
	const t = translator(messages, lang);
	const text = isKey(error.message) ? t(error.message, error.params) : error.message;
	return `${error.path}: ${text}`;
}

/** The comparison as three lines. */
export function renderComparison(comparison: Comparison, lang: Lang, servers: number): string[] {
	const t = translator(messages, lang);
	const row = (label: SimulatorMessageKey, m: ApproachMetrics) =>
		t('compare.row', {
			label: t(label),
			total: m.totalTime,
			reduced: m.reducedCapacityTime,
			old: m.servers.old,
			new: m.servers.new,
			broken: m.servers.broken,
			recovered: t(m.recovered ? 'compare.yes' : 'compare.no'),
		});
	return [
		t('compare.title', { count: servers }),
		row('compare.manual', comparison.manual),
		row('compare.scripted', comparison.scripted),
		row('compare.codedeploy', comparison.codedeploy),
	];
}

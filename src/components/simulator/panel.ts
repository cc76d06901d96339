/** The scenario panel of `cd-deploy-sim`: reads the learner's choices into a state and shows a state in it. */
import { predefinedNames } from '../../lib/simulator/configs.ts';
import { describeFault, type uiText } from './describe.ts';
import { DEFAULT_CONFIG, PREFIX, hookEvents, type SimState } from './state.ts';

type Field = HTMLInputElement | HTMLSelectElement;
type T = ReturnType<typeof uiText>;

function fieldOf(root: HTMLElement, name: string): Field {
	const found = root.querySelector<Field>(`[name="${name}"]`);
	if (!found) throw new Error(`cd-deploy-sim: missing field ${name}`);
	return found;
}

/** The panel's values as a state; changing the platform resets what belongs to the old one. */
export function readPanel(root: HTMLElement, current: SimState, changed: string): SimState {
	const value = (name: string) => fieldOf(root, name).value;
	const checked = (name: string) => (fieldOf(root, name) as HTMLInputElement).checked;
	const num = (name: string) => Math.trunc(Number(value(name)) || 0);
	const platform = value('platform') as SimState['platform'];
	if (changed === 'platform')
		return {
			...current,
			platform,
			type: platform === 'server' ? 'in-place' : 'blue-green',
			config: DEFAULT_CONFIG[platform],
			faults: [],
		};
	return {
		...current,
		type: value('type') as SimState['type'],
		config: value('config'),
		minType: value('minType') as SimState['minType'],
		minValue: num('minValue'),
		size: Math.min(100, Math.max(1, num('size'))),
		onPremises: checked('onPremises'),
		loadBalancer: checked('loadBalancer'),
		testListener: checked('testListener'),
		rollbackOnFailure: checked('rollbackOnFailure'),
		rollbackOnAlarm: checked('rollbackOnAlarm'),
		ready: value('ready') as SimState['ready'],
		waitMinutes: num('waitMinutes'),
		continueAfter: num('continueAfter'),
		keepOriginals: checked('keepOriginals'),
		terminationWait: num('terminationWait'),
		seed: num('seed'),
	};
}

/** Puts a state in the panel: options for its platform, values, visible sections, and the fault list. */
export function fillPanel(root: HTMLElement, s: SimState, t: T): void {
	const options = (name: string, values: readonly string[], label: (v: string) => string) => {
		const select = fieldOf(root, name) as HTMLSelectElement;
		select.replaceChildren(...values.map((v) => new Option(label(v), v)));
	};
	const configs = predefinedNames(s.platform).map((n) => n.slice(PREFIX.length));
	options('config', s.platform === 'server' ? [...configs, 'custom'] : configs, (v) =>
		v === 'custom' ? t('custom') : PREFIX + v,
	);
	const previousEvent = fieldOf(root, 'faultEvent').value;
	options('faultEvent', hookEvents(s.platform), (v) => v);
	const set = (name: string, v: string | number | boolean) => {
		const field = fieldOf(root, name);
		if (typeof v === 'boolean') (field as HTMLInputElement).checked = v;
		else field.value = String(v);
	};
	for (const [name, v] of Object.entries(s)) if (name !== 'faults') set(name, v as string | number | boolean);
	if (hookEvents(s.platform).includes(previousEvent)) set('faultEvent', previousEvent);
	else set('faultEvent', s.platform === 'server' ? 'AfterInstall' : 'AfterAllowTraffic');
	const show = (selector: string, visible: boolean) =>
		root.querySelectorAll<HTMLElement>(selector).forEach((e) => (e.hidden = !visible));
	show('[data-show~="server"]', s.platform === 'server');
	show('[data-show~="ecs"]', s.platform === 'ecs');
	show('[data-show~="custom"]', s.platform === 'server' && s.config === 'custom');
	show('[data-show~="bluegreen"]', s.type === 'blue-green' && s.platform !== 'lambda');
	// Stopped instances and missing agents only exist on the server platform.
	const serverOnly = ['stop', 'agent'];
	for (const option of (fieldOf(root, 'faultKind') as HTMLSelectElement).options)
		option.hidden = option.disabled = s.platform !== 'server' && serverOnly.includes(option.value);
	if (s.platform !== 'server' && serverOnly.includes(fieldOf(root, 'faultKind').value))
		set('faultKind', 'fail');
	const list = root.querySelector('[data-faults]');
	if (!list) return;
	list.replaceChildren(
		...s.faults.map((f, i) => {
			const item = document.createElement('li');
			const text = describeFault(f, s.platform, t);
			const button = document.createElement('button');
			button.type = 'button';
			button.dataset['remove'] = String(i);
			button.textContent = '✕';
			button.setAttribute('aria-label', t('removeFault', { fault: text }));
			item.append(`${text} `, button);
			return item;
		}),
	);
	if (s.faults.length === 0)
		list.append(Object.assign(document.createElement('li'), { textContent: t('noFaults') }));
}

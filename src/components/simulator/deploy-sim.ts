/**
 * `<cd-deploy-sim>`: upgrades the server-rendered simulator (summary and pre-computed timeline) into a player.
 * The engine runs in the page (pure and deterministic); this element only folds its events into a view and
 * keeps the scenario in the URL. Strings arrive in `data-i18n` (this page's language of the widget catalog).
 */
import { translator } from '../../lib/i18n/catalog.ts';
import type { SimEvent } from '../../lib/simulator/events.ts';
import { messages as engineMessages } from '../../lib/simulator/messages.ts';
import type { Scenario } from '../../lib/simulator/scenario.ts';
import { simulate } from '../../lib/simulator/simulate.ts';
import { clock, describeError } from '../../lib/simulator/timeline.ts';
import { describeState, uiText, type UiTable } from './describe.ts';
import { fillPanel, readPanel } from './panel.ts';
import { buildTiles, renderView } from './render.ts';
import { decodeState, encodeState, toScenarioDocument, type FaultKind, type SimState } from './state.ts';
import { stateFromUrl, withState } from './url.ts';
import { applyEvent, initialView, isQuietEvent, type View } from './view.ts';

type Field = HTMLInputElement | HTMLSelectElement;

class DeploySim extends HTMLElement {
	#t = uiText({} as UiTable);
	#te = translator(engineMessages, 'fr');
	#lang: 'fr' | 'en' = 'fr';
	#id = '';
	#base = decodeState('');
	#state = this.#base;
	#scenario: Scenario | undefined;
	#events: SimEvent[] = [];
	#view: View | undefined;
	#cursor = 0;
	#time = 0;
	#timer: ReturnType<typeof setInterval> | undefined;
	#last = 0;
	#started = false;
	/** The embed's default scenario, validated at build time: no need to load the validator to show it. */
	#prebuilt: Scenario | undefined;
	#generation = 0;

	connectedCallback(): void {
		if (this.#started) return;
		this.#started = true;
		this.#lang = this.dataset['lang'] === 'en' ? 'en' : 'fr';
		this.#t = uiText(JSON.parse(this.dataset['i18n'] ?? '{}') as UiTable);
		this.#te = translator(engineMessages, this.#lang);
		this.#id = this.dataset['id'] ?? '';
		this.#base = decodeState(this.dataset['default'] ?? '');
		this.#prebuilt = JSON.parse(this.dataset['scenario'] ?? 'null') as Scenario | undefined;
		const shared = stateFromUrl(location.href, this.#id);
		this.#el('[data-static]').hidden = true;
		this.#el('[data-ui]').hidden = false;
		this.#wire();
		this.#load(shared ? decodeState(shared, this.#base) : this.#base, false);
	}

	disconnectedCallback(): void {
		this.#pause();
	}

	#el<T extends HTMLElement = HTMLElement>(selector: string): T {
		const found = this.querySelector<T>(selector);
		if (!found) throw new Error(`cd-deploy-sim: missing ${selector}`);
		return found;
	}

	#field(name: string): Field {
		return this.#el<Field>(`[name="${name}"]`);
	}

	#wire(): void {
		const on = (action: string, handler: () => void) =>
			this.#el(`[data-action="${action}"]`).addEventListener('click', handler);
		on('play', () => this.#play());
		on('pause', () => this.#pause());
		on('step', () => this.#step());
		on('restart', () => this.#reset());
		on('add-fault', () => this.#addFault());
		on('copy', () => void this.#copy());
		this.#el('[data-form]').addEventListener('change', (event) => {
			const target = event.target as Field;
			if (target.closest('[data-fault-editor]') || target.name === 'speed') return;
			this.#load(readPanel(this, this.#state, target.name), true);
		});
		this.#el('[data-form]').addEventListener('submit', (event) => event.preventDefault());
		this.#el('[data-faults]').addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-remove]');
			if (!button) return;
			const index = Number(button.dataset['remove']);
			this.#load({ ...this.#state, faults: this.#state.faults.filter((_, i) => i !== index) }, true);
		});
	}

	#addFault(): void {
		const kind = this.#field('faultKind').value as FaultKind;
		const fault = {
			kind,
			instance: Math.max(1, Math.trunc(Number(this.#field('faultInstance').value)) || 1),
			event: this.#field('faultEvent').value,
			at: Math.max(0, Math.trunc(Number(this.#field('faultAt').value)) || 0),
		};
		this.#load({ ...this.#state, faults: [...this.#state.faults, fault].slice(0, 10) }, true);
	}

	/**
	 * Validates with the engine's own rules (the validator, with zod, loads on the first change), simulates, and
	 * resets the player; `share` also puts the state in the page URL.
	 */
	#load(state: SimState, share: boolean): void {
		const generation = ++this.#generation;
		this.#state = state;
		fillPanel(this, state, this.#t);
		this.#el('[data-summary]').replaceChildren(
			...describeState(state, this.#t).map((line) =>
				Object.assign(document.createElement('p'), { textContent: line }),
			),
		);
		const encoded = encodeState(state);
		const isBase = encoded === encodeState(this.#base);
		(this.#field('share') as HTMLInputElement).value = withState(location.href, this.#id, encoded);
		if (share)
			history.replaceState(
				history.state,
				'',
				withState(location.href, this.#id, isBase ? undefined : encoded),
			);
		if (isBase && this.#prebuilt) return this.#show(this.#prebuilt, []);
		void import('../../lib/simulator/scenario.ts').then(({ parseScenario }) => {
			if (generation !== this.#generation) return;
			const parsed = parseScenario(toScenarioDocument(state));
			if (parsed.ok) this.#show(parsed.scenario, []);
			else
				this.#show(
					undefined,
					parsed.errors.map((e) => describeError(e, this.#lang)),
				);
		});
	}

	#show(scenario: Scenario | undefined, errors: readonly string[]): void {
		this.#scenario = scenario;
		this.#events = scenario ? simulate(scenario, { seed: this.#state.seed }) : [];
		const box = this.#el('[data-errors]');
		box.replaceChildren();
		if (errors.length > 0) {
			const list = document.createElement('ul');
			list.append(
				...errors.map((text) => Object.assign(document.createElement('li'), { textContent: text })),
			);
			box.append(Object.assign(document.createElement('p'), { textContent: this.#t('errors') }), list);
		}
		this.#reset();
		this.dataset['ready'] = String(this.#generation);
	}

	#reset(): void {
		this.#pause();
		this.#cursor = 0;
		this.#time = 0;
		this.#el('[data-log]').replaceChildren();
		this.#view = this.#scenario ? initialView(this.#scenario) : undefined;
		buildTiles(this, this.#view);
		this.#render();
		this.#el('[data-live]').textContent = this.#scenario ? this.#t('notStarted') : '';
	}

	#play(): void {
		if (!this.#scenario) return;
		if (this.#cursor >= this.#events.length) this.#reset();
		if (this.#timer !== undefined) return;
		this.#last = performance.now();
		const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
		this.#timer = setInterval(() => this.#tick(), reduced ? 1000 : 100);
		this.toggleAttribute('data-playing', true);
	}

	#pause(): void {
		if (this.#timer !== undefined) clearInterval(this.#timer);
		this.#timer = undefined;
		this.removeAttribute('data-playing');
	}

	#speed(): number {
		return Number(this.#field('speed').value) || 60;
	}

	#tick(): void {
		const now = performance.now();
		const speed = this.#speed();
		this.#time += ((now - this.#last) / 1000) * speed;
		this.#last = now;
		const next = this.#events[this.#cursor];
		// Long waits (a manual continue, a one-hour timeout) are skipped rather than watched.
		if (next && next.t - this.#time > speed * 3) this.#time = next.t - speed;
		this.#advanceTo(this.#time);
	}

	#step(): void {
		this.#pause();
		const next = this.#events.slice(this.#cursor).find((e) => !isQuietEvent(e));
		if (next) this.#advanceTo(next.t);
	}

	#advanceTo(time: number): void {
		const before = this.#statusText();
		while (this.#cursor < this.#events.length && (this.#events[this.#cursor]?.t ?? Infinity) <= time) {
			const event = this.#events[this.#cursor++] as SimEvent;
			if (this.#view && this.#scenario) applyEvent(this.#view, event, this.#scenario);
			if (!isQuietEvent(event)) this.#log(event);
		}
		this.#time = Math.max(this.#time, time);
		const done = this.#cursor >= this.#events.length;
		if (done) {
			this.#pause();
			this.#time = this.#events.at(-1)?.t ?? 0;
		}
		this.#render();
		const after = this.#statusText();
		// The live region speaks only when a deployment changes status, and once at the end.
		if (after !== before || done)
			this.#el('[data-live]').textContent = done ? this.#t('finished', { status: after }) : after;
	}

	#statusText(): string {
		return (this.#view?.deployments ?? [])
			.map((d) =>
				this.#t('deploymentLine', {
					kind: this.#t(`dkind.${d.kind}`),
					id: d.id,
					status: d.status + (d.errorCode ? ` (${d.errorCode})` : ''),
				}),
			)
			.join(' · ');
	}

	#log(event: SimEvent): void {
		const key = event.key as keyof (typeof engineMessages)['en'];
		const text = key in engineMessages.en ? this.#te(key, event.params) : event.key;
		const item = document.createElement('li');
		item.textContent = `${clock(event.t)}  ${text}`;
		if (/Failed|Stopped|alarm|stopped/.test(event.key)) item.className = 'cdsim-bad';
		this.#el('[data-log]').append(item);
		const box = this.#el('[data-log-box]');
		box.scrollTop = box.scrollHeight;
	}

	#render(): void {
		renderView(this, this.#view, this.#state.platform === 'server', this.#time, this.#t);
	}

	async #copy(): Promise<void> {
		const field = this.#field('share') as HTMLInputElement;
		field.select();
		try {
			await navigator.clipboard.writeText(field.value);
			this.#el('[data-copied]').textContent = this.#t('copied');
		} catch {
			// Without clipboard access the link stays selected in the field, ready to copy by hand.
		}
	}
}

if (!customElements.get('cd-deploy-sim')) customElements.define('cd-deploy-sim', DeploySim);

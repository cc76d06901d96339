/**
 * `<cd-compare-methods>`: recomputes the manual / scripted / CodeDeploy table in the page when the learner changes
 * the fleet size or the faulty server, or replays with another draw. The scenario arrives validated (`data-scenario`).
 */
import { compare } from '../../lib/simulator/compare.ts';
import { format } from '../../lib/i18n/localized.ts';
import type { Scenario } from '../../lib/simulator/scenario.ts';
import { COLUMNS, METHODS, cells, resize, type CompareSettings } from './compare-view.ts';

interface Strings {
	readonly caption: string;
	readonly fault: string;
	readonly noFault: string;
	readonly yes: string;
	readonly no: string;
}

class CompareMethods extends HTMLElement {
	#started = false;

	connectedCallback(): void {
		if (this.#started) return;
		this.#started = true;
		const base = JSON.parse(this.dataset['scenario'] ?? 'null') as Scenario | null;
		const strings = JSON.parse(this.dataset['i18n'] ?? '{}') as Strings;
		let settings = JSON.parse(this.dataset['settings'] ?? '{}') as CompareSettings;
		if (!base) return;
		const controls = this.querySelector<HTMLElement>('[data-controls]');
		const size = this.querySelector<HTMLInputElement>('input[name="size"]');
		const faulty = this.querySelector<HTMLInputElement>('input[name="faulty"]');
		if (!controls || !size || !faulty) return;
		controls.hidden = false;
		const update = () => {
			const n = Math.min(100, Math.max(2, Math.trunc(Number(size.value)) || 2));
			const f = Math.min(n, Math.max(0, Math.trunc(Number(faulty.value)) || 0));
			faulty.max = String(n);
			settings = { ...settings, size: n, faulty: f };
			this.#render(base, settings, strings);
		};
		size.addEventListener('change', update);
		faulty.addEventListener('change', update);
		this.querySelector('[data-action="replay"]')?.addEventListener('click', () => {
			settings = { ...settings, seed: settings.seed + 1 };
			update();
		});
	}

	#render(base: Scenario, settings: CompareSettings, strings: Strings): void {
		const table = cells(compare(resize(base, settings), { seed: settings.seed }), strings.yes, strings.no);
		for (const method of METHODS)
			for (const column of COLUMNS) {
				const cell = this.querySelector(`[data-cell="${method}-${column}"]`);
				if (cell) cell.textContent = table[method][column];
			}
		const caption = this.querySelector('[data-caption]');
		if (caption)
			caption.textContent = format(strings.caption, {
				count: settings.size,
				fault: settings.faulty > 0 ? format(strings.fault, { n: settings.faulty }) : strings.noFault,
				seed: settings.seed,
			});
	}
}

if (!customElements.get('cd-compare-methods')) customElements.define('cd-compare-methods', CompareMethods);

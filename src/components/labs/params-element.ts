/**
 * `<cd-lab-params>`: the learner's lab parameters and target. Values are validated with the core's AWS naming
 * rules, kept in the learner store (labParams namespace, with the page's target under `@target`), and every
 * `[data-lab-tpl]` of the page is re-rendered with them, quoted for its shell.
 */
import { format } from '../../lib/i18n/localized.ts';
import type { ParamDefinition, ParamError } from '../../lib/labs/params.ts';
import type { LabUiKey } from './messages.ts';
import { paramErrorText } from './param-errors.ts';
import { LAB_PARAMS_CHANGED, labStore } from './store.ts';
import {
	pageValues,
	renderTemplate,
	splitStored,
	TARGET_KEY,
	type Target,
	type Template,
} from './template.ts';

type Table = Readonly<Record<LabUiKey, string>>;

/** Re-renders every templated node of the page for these values. */
export function renderPage(
	definitions: readonly ParamDefinition[],
	params: Record<string, string>,
	target: Target,
) {
	const page = pageValues(definitions, params, target);
	for (const node of document.querySelectorAll<HTMLElement>('[data-lab-tpl]')) {
		const template = JSON.parse(node.dataset['labTpl'] ?? '{}') as Template;
		node.textContent = renderTemplate(template, page);
	}
	return page;
}

class LabParams extends HTMLElement {
	#lab = '';
	#table = {} as Table;
	#definitions: ParamDefinition[] = [];
	#practice = false;

	connectedCallback(): void {
		const form = this.querySelector('form');
		if (!form || this.#lab) return;
		this.#lab = this.dataset['lab'] ?? '';
		this.#table = JSON.parse(this.dataset['i18n'] ?? '{}') as Table;
		this.#definitions = JSON.parse(this.dataset['defs'] ?? '[]') as ParamDefinition[];
		this.#practice = this.dataset['practice'] === 'true';
		const { params, target } = splitStored(labStore().state.labParams[this.#lab]);
		for (const d of this.#definitions) {
			const input = this.#input(d.key);
			if (input) input.value = params[d.key] ?? '';
		}
		const radio = form.querySelector<HTMLInputElement>(`input[name="target"][value="${target}"]`);
		if (radio) radio.checked = true;
		this.querySelector('.cd-lab-nojs')?.setAttribute('hidden', '');
		form.hidden = false;
		this.#showErrors(this.#validate(params).errors, false);
		renderPage(this.#definitions, params, this.#target());
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#apply();
		});
		form.querySelector('[data-reset]')?.addEventListener('click', () => this.#reset());
		for (const input of form.querySelectorAll<HTMLInputElement>('input[name="target"]'))
			input.addEventListener('change', () => this.#apply());
	}

	#input(key: string): HTMLInputElement | null {
		return this.querySelector<HTMLInputElement>(`input[name="${CSS.escape(key)}"]`);
	}

	#target(): Target {
		if (!this.#practice) return 'aws';
		const checked = this.querySelector<HTMLInputElement>('input[name="target"]:checked');
		return checked?.value === 'practice' ? 'practice' : 'aws';
	}

	#read(): Record<string, string> {
		const params: Record<string, string> = {};
		for (const d of this.#definitions) {
			const value = this.#input(d.key)?.value.trim() ?? '';
			if (value !== '') params[d.key] = value;
		}
		return params;
	}

	#validate(params: Record<string, string>) {
		return pageValues(this.#definitions, params, this.#target());
	}

	#showErrors(errors: readonly ParamError[], focus: boolean): void {
		const kinds = new Map(this.#definitions.map((d) => [d.key, d.kind]));
		for (const d of this.#definitions) {
			const input = this.#input(d.key);
			const error = errors.find((e) => e.key === d.key);
			const slot = this.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(d.key)}"]`);
			if (slot) slot.textContent = error ? paramErrorText(this.#table, error, kinds.get(d.key) ?? '') : '';
			if (error) input?.setAttribute('aria-invalid', 'true');
			else input?.removeAttribute('aria-invalid');
		}
		if (focus && errors[0]) this.#input(errors[0].key)?.focus();
	}

	#status(text: string): void {
		const status = this.querySelector<HTMLElement>('[data-status]');
		if (status) status.textContent = text;
	}

	#apply(): void {
		const params = this.#read();
		const page = this.#validate(params);
		this.#showErrors(page.errors, true);
		if (page.errors.length > 0) {
			this.#status(format(this.#table['params.errors'], { count: page.errors.length }));
			return;
		}
		const target = this.#target();
		const store = labStore();
		store.dispatch({ type: 'labParams/set', labId: this.#lab, params: { ...params, [TARGET_KEY]: target } });
		renderPage(this.#definitions, params, target);
		this.#status(
			this.#table['params.saved'] + (store.persistent ? '' : ` ${this.#table['params.notSaved']}`),
		);
		document.dispatchEvent(new CustomEvent(LAB_PARAMS_CHANGED, { detail: { lab: this.#lab } }));
	}

	#reset(): void {
		for (const d of this.#definitions) {
			const input = this.#input(d.key);
			if (input) input.value = '';
		}
		// The target is a choice of the page, not a parameter value: it stays.
		labStore().dispatch({
			type: 'labParams/set',
			labId: this.#lab,
			params: { [TARGET_KEY]: this.#target() },
		});
		this.#showErrors([], false);
		renderPage(this.#definitions, {}, this.#target());
		this.#status(this.#table['params.cleared']);
	}
}

/** Printing shows the whole hint ladder (solutions included), then puts the page back as it was. */
function printAllHints(): void {
	let opened: HTMLDetailsElement[] = [];
	addEventListener('beforeprint', () => {
		opened = [...document.querySelectorAll<HTMLDetailsElement>('details.cd-lab-hint:not([open])')];
		for (const details of opened) details.open = true;
	});
	addEventListener('afterprint', () => {
		for (const details of opened) details.open = false;
	});
}

if (!customElements.get('cd-lab-params')) {
	printAllHints();
	customElements.define('cd-lab-params', LabParams);
}

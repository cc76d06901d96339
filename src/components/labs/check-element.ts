/**
 * `<cd-lab-check>`: "Check my progress". On click only (never on load), it posts `{ lab, target, params }` to the
 * local endpoint of `npm start` and shows each check's status, message and fix in the page's language, for the
 * learner's shell. Where there is no endpoint (a static copy of the site), it shows the CLI command instead.
 */
import { format } from '../../lib/i18n/localized.ts';
import { validateParams, type ParamDefinition, type ParamError } from '../../lib/labs/params.ts';
import type { Shell } from '../../lib/labs/shell.ts';
import { paramErrorText } from './param-errors.ts';
import { LAB_PARAMS_CHANGED, labStore } from './store.ts';
import { cliCommand, practiceFix, splitStored, type Target } from './template.ts';

type Table = Readonly<Record<string, string>>;

interface ResultJson {
	readonly id: string;
	readonly status: 'pass' | 'warn' | 'fail' | 'error' | 'skipped';
	readonly message: string;
	readonly fix?: { readonly commands: readonly string[]; readonly console?: string };
	readonly docs?: string;
}
interface ReportJson {
	readonly principal: string | null;
	readonly results: readonly ResultJson[];
	readonly summary: Readonly<Record<string, number>>;
}

/** The shell of the page's synced bash/PowerShell tabs (Starlight marks the chosen tab aria-selected). */
function currentShell(): Shell {
	const tab = document.querySelector('.cd-lab-commands [role="tab"][aria-selected="true"]');
	return tab?.textContent?.trim() === 'PowerShell' ? 'powershell' : 'bash';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) {
	const node = document.createElement(tag);
	if (text !== undefined) node.textContent = text;
	if (className) node.className = className;
	return node;
}

function codeBlock(text: string): HTMLPreElement {
	const pre = el('pre');
	pre.append(el('code', text));
	return pre;
}

class LabCheck extends HTMLElement {
	#table: Table = {};
	#busy = false;

	connectedCallback(): void {
		const button = this.querySelector<HTMLButtonElement>('[data-run]');
		if (!button || button.dataset['ready']) return;
		button.dataset['ready'] = '1';
		this.#table = JSON.parse(this.dataset['i18n'] ?? '{}') as Table;
		for (const node of this.querySelectorAll<HTMLElement>('.cd-lab-nojs')) node.hidden = true;
		button.hidden = false;
		button.addEventListener('click', () => void this.#run(button));
		// Results for other parameters would mislead: new values hide them until the next check.
		document.addEventListener(LAB_PARAMS_CHANGED, () => {
			const results = this.querySelector<HTMLElement>('[data-results]');
			if (results && !this.#busy) results.hidden = true;
		});
	}

	#t(key: string, params?: Record<string, unknown>): string {
		return format(this.#table[key] ?? key, params);
	}

	#status(text: string): void {
		const status = this.querySelector<HTMLElement>('[data-status]');
		if (status) status.textContent = text;
	}

	/** Shows the results area with new content and moves focus to its heading, so the reader lands on it. */
	#show(content: Node[]): void {
		const results = this.querySelector<HTMLElement>('[data-results]');
		const body = this.querySelector<HTMLElement>('[data-body]');
		if (!results || !body) return;
		body.replaceChildren(...content);
		results.hidden = false;
		results.querySelector<HTMLElement>('h3')?.focus();
	}

	async #run(button: HTMLButtonElement): Promise<void> {
		if (this.#busy) return;
		const lab = this.dataset['lab'] ?? '';
		const definitions = JSON.parse(this.dataset['defs'] ?? '[]') as ParamDefinition[];
		const { params, target } = splitStored(labStore().state.labParams[lab]);
		const shell = currentShell();
		const { errors } = validateParams(definitions, params);
		if (errors.length > 0) return this.#paramErrors(errors, definitions);
		this.#busy = true;
		button.setAttribute('aria-disabled', 'true');
		this.#status(this.#t('check.running'));
		try {
			const url = `${this.dataset['endpoint']}?lang=${this.dataset['lang'] ?? 'fr'}&shell=${shell}`;
			let response: Response | undefined;
			try {
				response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ lab, target, params }),
				});
			} catch {
				response = undefined;
			}
			this.#handle(response, response ? await response.json().catch(() => undefined) : undefined, {
				lab,
				params,
				target,
				shell,
			});
		} finally {
			this.#busy = false;
			button.removeAttribute('aria-disabled');
		}
	}

	#handle(
		response: Response | undefined,
		data: unknown,
		request: { lab: string; params: Record<string, string>; target: Target; shell: Shell },
	): void {
		const cli = codeBlock(cliCommand(request.lab, request.params, request.target, request.shell));
		const record = (data ?? {}) as Record<string, unknown>;
		if (response?.ok && Array.isArray(record['results']))
			return this.#report(data as ReportJson, request.target);
		let text: string;
		const extra: Node[] = [];
		if (!response || response.status === 404 || response.status === 405 || data === undefined) {
			text = this.#t('check.static');
			extra.push(cli);
		} else if (response.status === 403) text = this.#t('check.forbidden');
		else if (record['error'] === 'practice-not-running') text = this.#t('check.practiceDown');
		else if (record['error'] === 'practice-unsupported') text = this.#t('check.unsupported');
		else if (record['error'] === 'usage.region-conflict')
			text = this.#t('check.regionConflict', (record['params'] ?? {}) as Record<string, unknown>);
		else if (record['error'] === 'params' && Array.isArray(record['errors'])) {
			const definitions = JSON.parse(this.dataset['defs'] ?? '[]') as ParamDefinition[];
			return this.#paramErrors(record['errors'] as ParamError[], definitions);
		} else {
			text = this.#t('check.failed', { status: response.status });
			extra.push(cli);
		}
		this.#status(text);
		this.#show([el('p', text), ...extra]);
	}

	/** Which parameter is wrong and why, each named by its key as in the form. */
	#paramErrors(errors: readonly ParamError[], definitions: readonly ParamDefinition[]): void {
		const list = el('ul');
		for (const error of errors) {
			const kind = definitions.find((d) => d.key === error.key)?.kind ?? '';
			const item = el('li');
			item.append(el('code', error.key), ` — ${paramErrorText(this.#table, error, kind)}`);
			list.append(item);
		}
		this.#status(this.#t('check.params'));
		this.#show([el('p', this.#t('check.params')), list]);
	}

	#report(report: ReportJson, target: Target): void {
		const nodes: Node[] = [];
		nodes.push(el('p', this.#t('check.target', { target: this.#t(`target.${target}`) })));
		if (report.principal) nodes.push(el('p', this.#t('check.principal', { principal: report.principal })));
		const summary = this.#t('check.summary', report.summary);
		nodes.push(el('p', summary, 'cd-lab-summary'));
		const list = el('ul', undefined, 'cd-lab-result-list');
		for (const result of report.results) list.append(this.#result(result, target));
		nodes.push(list);
		this.#status(summary);
		this.#show(nodes);
	}

	#result(result: ResultJson, target: Target): HTMLLIElement {
		const item = el('li', undefined, `cd-lab-result cd-lab-s-${result.status}`);
		item.dataset['check'] = result.id;
		item.dataset['status'] = result.status;
		const head = el('p');
		head.append(el('span', this.#t(`status.${result.status}`), 'cd-lab-badge'), ' ', el('code', result.id));
		head.append(` — ${result.message}`);
		item.append(head);
		const fix = result.fix;
		if (fix && result.status !== 'pass' && result.status !== 'skipped') {
			const commands = target === 'practice' ? fix.commands.map(practiceFix) : fix.commands;
			if (commands.length > 0) item.append(el('p', this.#t('check.fix')), codeBlock(commands.join('\n')));
			if (fix.console) item.append(el('p', `${this.#t('check.console')} ${fix.console}`));
		}
		if (result.docs && result.status !== 'pass') {
			const link = el('a', this.#t('check.docs'));
			link.href = result.docs;
			const p = el('p');
			p.append(link);
			item.append(p);
		}
		return item;
	}
}

if (!customElements.get('cd-lab-check')) customElements.define('cd-lab-check', LabCheck);

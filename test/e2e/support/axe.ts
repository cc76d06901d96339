import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe's serious and critical violations on the page as it is now, one readable line each. */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => {
			const where = violation.nodes.map((node) => node.target.join(' ')).slice(0, 3);
			return `${label}: ${violation.id} (${violation.impact}) ${where.join(' | ')}`;
		});
}

/** Switches Starlight's theme the way its theme picker does, without reloading. */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
	await page.evaluate((value) => {
		localStorage.setItem('starlight-theme', value);
		document.documentElement.dataset['theme'] = value;
	}, theme);
}

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { siteUrl, skipReason } from './support/site.ts';

const LESSON = '06-deployment-types/02-deployment-configurations/';

/** Plays the simulator at top speed until its live region says the simulation finished. */
async function playToEnd(sim: Locator): Promise<string> {
	await sim.locator('select[name="speed"]').selectOption('600');
	await sim.locator('[data-action="play"]').click();
	await expect.poll(() => sim.getAttribute('data-playing'), { timeout: 30_000 }).toBeNull();
	return (await sim.locator('[data-live]').textContent()) ?? '';
}

async function ready(sim: Locator, generation: number): Promise<void> {
	await expect
		.poll(async () => Number(await sim.getAttribute('data-ready')), { timeout: 10_000 })
		.toBe(generation);
}

describe.skipIf(skipReason() !== '')('deployment simulator', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function open(path: string): Promise<{ page: Page; errors: string[] }> {
		const { page, problems } = await openPage(await browser.newContext());
		await page.goto(siteUrl() + path, { waitUntil: 'networkidle' });
		return { page, errors: problems.errors };
	}

	for (const lang of ['fr', 'en'] as const) {
		it(`${lang}: plays a scenario, injects a fault, shows the rollback, and a shared link restores it`, async () => {
			const { page, errors } = await open(`/${lang}/${LESSON}`);
			const sim = page.locator('cd-deploy-sim[data-id="last"]');
			await ready(sim, 1);
			await expect.poll(() => sim.locator('[data-static]').isHidden()).toBe(true);
			// The embed's own scenario: the last instance fails, and the deployment still succeeds.
			expect(await playToEnd(sim)).toMatch(/Succeeded/);
			expect(await sim.locator('[data-tile="i-005"]').getAttribute('data-health')).toBe('Unhealthy');

			// Break instance 2 instead: the deployment fails and an automatic rollback (a new deployment) follows.
			await sim.locator('.cdsim-panel summary').click();
			await sim.locator('[data-remove="0"]').click();
			await ready(sim, 2);
			await sim.locator('select[name="faultKind"]').selectOption('fail');
			await sim.locator('input[name="faultInstance"]').fill('2');
			await sim.locator('select[name="faultEvent"]').selectOption('ValidateService');
			await sim.locator('[data-action="add-fault"]').click();
			await ready(sim, 3);
			const status = await playToEnd(sim);
			expect(status).toMatch(/Failed \(HEALTH_CONSTRAINTS\)/);
			expect(status).toMatch(lang === 'fr' ? /Restauration d-\w+ : Succeeded/ : /Rollback d-\w+: Succeeded/);
			const log = (await sim.locator('[data-log] li').allTextContents()).join('\n');
			expect(log).toMatch(
				lang === 'fr' ? /Restauration automatique d-\w+ créée/ : /Automatic rollback d-\w+ created/,
			);
			for (const tile of await sim.locator('[data-tile]').all())
				expect(await tile.getAttribute('data-health')).toBe('Healthy');

			// The page URL and the share field carry the scenario; opening the link restores it.
			const link = await sim.locator('input[name="share"]').inputValue();
			expect(link).toContain('sim-last=');
			expect(link).toContain('f:fail.ValidateService.2');
			expect(page.url()).toContain('f:fail.ValidateService.2');
			const again = await open(link.slice(link.indexOf(`/${lang}/`)));
			const restored = again.page.locator('cd-deploy-sim[data-id="last"]');
			await ready(restored, 1);
			expect(await restored.locator('[data-faults] li').allTextContents()).toHaveLength(1);
			expect(await restored.locator('[data-summary]').textContent()).toMatch(/ValidateService.*2/);
			expect(await playToEnd(restored)).toMatch(/HEALTH_CONSTRAINTS/);
			// The other embeds on the page keep their own scenario.
			expect(await again.page.locator('cd-deploy-sim[data-id="half"] [data-summary]').textContent()).toMatch(
				/HalfAtATime/,
			);
			expect([...errors, ...again.errors]).toEqual([]);
		});
	}

	it('the controls work from the keyboard', async () => {
		const { page, errors } = await open(`/en/${LESSON}`);
		const sim = page.locator('cd-deploy-sim[data-id="half"]');
		await ready(sim, 1);
		await sim.locator('[data-action="play"]').focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('pause');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('step');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Space');
		expect(await sim.locator('[data-log] li').count()).toBeGreaterThan(1);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('restart');
		await page.keyboard.press('Enter');
		expect(await sim.locator('[data-log] li').count()).toBe(0);
		// The scenario panel opens and changes by keyboard too.
		await sim.locator('.cdsim-panel summary').focus();
		await page.keyboard.press('Enter');
		await sim.locator('input[name="size"]').focus();
		await page.keyboard.press('Control+A');
		await page.keyboard.type('4');
		await page.keyboard.press('Tab');
		await ready(sim, 2);
		expect(await sim.locator('[data-tile]').count()).toBe(4);
		expect(errors).toEqual([]);
	});

	it('with reduced motion, nothing animates and the player still reaches the end', async () => {
		const context = await browser.newContext({ reducedMotion: 'reduce' });
		const page = await context.newPage();
		await page.goto(`${siteUrl()}/en/06-deployment-types/03-traffic-shifting-and-rollback/`, {
			waitUntil: 'networkidle',
		});
		const sim = page.locator('cd-deploy-sim[data-id="ecs"]');
		await ready(sim, 1);
		const transition = await sim
			.locator('[data-bar-replacement]')
			.evaluate((bar) => getComputedStyle(bar).transitionDuration);
		expect(transition).toBe('0s');
		expect(await playToEnd(sim)).toMatch(/Stopped \(ALARM_ACTIVE\).*Rollback d-\w+: Succeeded/);
		expect(await sim.locator('[data-traffic-text]').textContent()).toMatch(/Original 100% · Replacement 0%/);
		await context.close();
	});

	it('without JavaScript, the scenario and its whole timeline are on the page', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${siteUrl()}/fr/${LESSON}`);
		const sim = page.locator('cd-deploy-sim[data-id="half"]');
		expect(await sim.locator('[data-ui]').isHidden()).toBe(true);
		const lines = await sim.locator('[data-static] li').allTextContents();
		expect(lines.length).toBeGreaterThan(20);
		expect(lines.join('\n')).toMatch(/i-003 · AfterInstall en échec : ScriptFailed/);
		expect(await sim.locator('[data-static]').textContent()).toMatch(/Succeeded/);
		await context.close();
	});

	it('the manual / scripted / CodeDeploy comparison recomputes in the page', async () => {
		const { page, errors } = await open('/en/02-why-codedeploy/01-manual-scripted-codedeploy/');
		const table = page.locator('cd-compare-methods');
		expect(await table.locator('caption').textContent()).toMatch(/12 servers.*server 7/);
		expect(await table.locator('[data-cell="codedeploy-recovered"]').textContent()).toBe('yes');
		expect(await table.locator('[data-cell="scripted-recovered"]').textContent()).toBe('no');
		await table.locator('input[name="size"]').fill('20');
		await table.locator('input[name="size"]').press('Tab');
		await table.locator('input[name="faulty"]').fill('0');
		await table.locator('input[name="faulty"]').press('Tab');
		expect(await table.locator('caption').textContent()).toMatch(/20 servers: no defect/);
		expect(await table.locator('[data-cell="codedeploy-new"]').textContent()).toBe('20');
		await table.locator('[data-action="replay"]').click();
		expect(await table.locator('caption').textContent()).toMatch(/draw 2/);
		expect(errors).toEqual([]);
	});
});

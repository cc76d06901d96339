import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../labs/sandbox/index.ts';
import { e2eOutDir } from '../../labs/site/paths.ts';
import { freePort, serveSite, type RunningSite } from '../../labs/site/server.ts';
import { seriousViolations, setTheme } from './support/axe.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import { skipReason } from './support/site.ts';

/**
 * The lab pages in Chromium, against a second server of the end-to-end build whose environment points the
 * "practice account" target at a sandbox started here: parameters filled into the commands for both shells, the
 * check button returning results from the sandbox, foreign Origin and Host refused — in both languages.
 */

const TEXT = {
	fr: { userMissing: 'n’existe pas', practice: 'compte d’entraînement' },
	en: { userMissing: 'does not exist', practice: 'practice account' },
} as const;

// E2E_OUT_DIR: a private build to serve instead of the shared one (other suites may be rebuilding it).
const outDir = process.env['E2E_OUT_DIR'] ?? e2eOutDir;
let sandbox: RunningSandbox;
let stateDir: string;
let site: RunningSite;
let browser: Browser;

/** POSTs with raw headers (fetch cannot forge Host). */
function rawPost(url: string, headers: Record<string, string>, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, { method: 'POST', headers }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end(body);
	});
}

async function fillParams(page: Page, values: Record<string, string>): Promise<void> {
	for (const [key, value] of Object.entries(values))
		await page.fill(`cd-lab-params input[name="${key}"]`, value);
	await page.click('cd-lab-params button[type="submit"]');
}

/** The text of every command block of the shell's panels (hidden panels included). */
async function commands(page: Page, shell: 'bash' | 'PowerShell'): Promise<string> {
	return page.evaluate((label) => {
		const texts: string[] = [];
		for (const tabs of document.querySelectorAll('.cd-lab-commands starlight-tabs')) {
			const tab = [...tabs.querySelectorAll('[role="tab"]')].findIndex(
				(t) => t.textContent?.trim() === label,
			);
			const panel = tabs.querySelectorAll(':scope > [role="tabpanel"]')[tab];
			texts.push(...[...(panel?.querySelectorAll('pre') ?? [])].map((pre) => pre.textContent ?? ''));
		}
		return texts.join('\n');
	}, shell);
}

describe.skipIf(skipReason() !== '')('lab pages', () => {
	beforeAll(async () => {
		stateDir = mkdtempSync(join(tmpdir(), 'atelier-e2e-sandbox-'));
		sandbox = await startSandbox({ port: 0, stateDir, advertise: true });
		site = await serveSite(await freePort(), outDir, { ATELIER_SANDBOX_STATE_DIR: stateDir });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await site?.stop();
		await sandbox?.stop();
		rmSync(stateDir, { recursive: true, force: true });
	});

	for (const lang of ['fr', 'en'] as const) {
		const path = `/${lang}/08-labs/01-iam-setup/`;

		// axe in both themes and at 375 px runs on every page of the sitemap (pages.test.ts); here, what is specific:
		// the button must not call the endpoint on load (a static copy would log a failed request).
		for (const slug of ['01-iam-setup', '02-first-deployment'])
			it(`${lang}/${slug}: loads cleanly, without any request to the endpoint`, async () => {
				const context = await browser.newContext();
				const { page, problems } = await openPage(context);
				const requests: string[] = [];
				page.on('request', (r) => requests.push(r.url()));
				await page.goto(`${site.url}/${lang}/08-labs/${slug}/`, { waitUntil: 'networkidle' });
				expect(problems.errors).toEqual([]);
				expect(requests.filter((url) => url.includes('/api/'))).toEqual([]);
				expect(await page.isVisible('cd-lab-check [data-run]')).toBe(true);
				expect(await page.isVisible('cd-lab-params form')).toBe(true);
				await context.close();
			});

		it(`${lang}: parameters fill every command, quoted for bash and for PowerShell`, async () => {
			const context = await browser.newContext();
			const { page, problems } = await openPage(context);
			await page.goto(site.url + path, { waitUntil: 'networkidle' });
			expect(await commands(page, 'bash')).toContain('--bucket <bucket>');
			await fillParams(page, { bucket: 'my-e2e-revisions', userName: 'dev@team' });
			const bash = await commands(page, 'bash');
			const powershell = await commands(page, 'PowerShell');
			expect(bash).toContain('aws iam create-user --user-name dev@team');
			expect(bash).toContain('aws s3api create-bucket --bucket my-e2e-revisions --region eu-west-3');
			expect(bash).toContain('"arn:aws:s3:::my-e2e-revisions/*"');
			// `@` means splatting to PowerShell: quoted there, bare in bash.
			expect(powershell).toContain("aws iam create-user --user-name 'dev@team'");
			expect(powershell).toContain('CodeDeployDemo-Trust.json", (@\'');
			expect(bash).not.toContain('<bucket>');
			// The values survive a reload (learner store, labParams namespace).
			await page.reload({ waitUntil: 'networkidle' });
			expect(await page.inputValue('cd-lab-params input[name="bucket"]')).toBe('my-e2e-revisions');
			expect(await commands(page, 'bash')).toContain('--bucket my-e2e-revisions');
			expect(problems.errors).toEqual([]);
			await context.close();
		});

		it(`${lang}: an invalid value is refused with a message in the page language`, async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(site.url + path, { waitUntil: 'networkidle' });
			await fillParams(page, { bucket: 'Bad_Bucket' });
			const input = page.locator('cd-lab-params input[name="bucket"]');
			expect(await input.getAttribute('aria-invalid')).toBe('true');
			const error = await page.textContent('[data-error-for="bucket"]');
			expect(error).toMatch(lang === 'fr' ? /règles de nommage/ : /naming rules/);
			expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('bucket');
			// Nothing valid was saved: the check button names the missing parameter instead of calling the endpoint.
			await page.click('cd-lab-check [data-run]');
			const listed = await page.textContent('cd-lab-check [data-body] li');
			expect(listed).toContain('bucket');
			expect(listed).toMatch(lang === 'fr' ? /obligatoire/ : /required/);
			await context.close();
		});

		it(`${lang}: the practice account target checks against the sandbox and shows the results in place`, async () => {
			const context = await browser.newContext();
			const { page, problems } = await openPage(context);
			await page.goto(site.url + path, { waitUntil: 'networkidle' });
			await page.check('cd-lab-params input[name="target"][value="practice"]');
			await fillParams(page, { bucket: 'my-e2e-revisions' });
			const bash = await commands(page, 'bash');
			expect(bash).toContain(
				'aws iam create-user --user-name codedeploy-user --profile atelier-sandbox --endpoint-url http://127.0.0.1:4566',
			);
			expect(bash).toContain('aws sts get-caller-identity --profile codedeploy --endpoint-url');
			await page.click('cd-lab-check [data-run]');
			await page.waitForSelector('cd-lab-check [data-check="root-keys"]');
			const status = (id: string) => page.getAttribute(`cd-lab-check [data-check="${id}"]`, 'data-status');
			expect(await status('identity')).toBe('pass');
			expect(await status('user')).toBe('fail');
			expect(await status('user-access-key')).toBe('skipped');
			expect(await page.textContent('cd-lab-check [data-check="user"]')).toContain(TEXT[lang].userMissing);
			expect(await page.textContent('cd-lab-check [data-check="user"] pre')).toContain(
				'aws iam create-user --user-name codedeploy-user --profile atelier-sandbox --endpoint-url',
			);
			expect(await page.textContent('cd-lab-check [data-status]')).toMatch(/\d/);
			expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
			const violations: string[] = [];
			for (const theme of ['light', 'dark'] as const) {
				await setTheme(page, theme);
				violations.push(...(await seriousViolations(page, `${theme}, with results`)));
			}
			expect(violations).toEqual([]);
			expect(problems.errors).toEqual([]);
			await context.close();
		});

		it(`${lang}: without a local endpoint the button gives the CLI command`, async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.route('**/api/labs/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
			await page.goto(site.url + path, { waitUntil: 'networkidle' });
			await fillParams(page, { bucket: 'my-e2e-revisions' });
			await page.click('cd-lab-check [data-run]');
			await page.waitForSelector('cd-lab-check [data-body] pre');
			expect(await page.textContent('cd-lab-check [data-body] pre')).toBe(
				'npm run -s lab -- check iam-setup --param bucket=my-e2e-revisions',
			);
			await context.close();
		});

		it(`${lang}: the first-deployment page says the practice account cannot run it`, async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${site.url}/${lang}/08-labs/02-first-deployment/`, { waitUntil: 'networkidle' });
			expect(await page.locator('cd-lab-params input[name="target"]').count()).toBe(0);
			expect(await page.textContent('main')).toContain(TEXT[lang].practice);
			expect(await page.locator('a[href*="06-deployment-types"]').count()).toBeGreaterThan(0);
			await context.close();
		});
	}

	it('the endpoint refuses a foreign Origin and a foreign Host (403)', async () => {
		const url = `${site.url}/api/labs/iam-setup/check`;
		const body = JSON.stringify({
			lab: 'iam-setup',
			target: 'practice',
			params: { bucket: 'my-e2e-revisions' },
		});
		const forged = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
			body,
		});
		expect(forged.status).toBe(403);
		const port = new URL(site.url).port;
		const headers = { 'content-type': 'application/json', origin: site.url };
		expect(await rawPost(url, { ...headers, host: `evil.example:${port}` }, body)).toBe(403);
		expect(await rawPost(url, { ...headers, host: `127.0.0.1:${port}` }, body)).toBe(200);
	});
});

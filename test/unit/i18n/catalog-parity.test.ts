import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SAME_IN_BOTH } from '../../../src/lib/i18n/same-in-both.ts';
import type { Catalog } from '../../../src/lib/i18n/catalog.ts';

const root = join(import.meta.dirname, '../../..');

function findCatalogFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return findCatalogFiles(path);
		return entry.name === 'messages.ts' || entry.name.endsWith('.messages.ts') ? [path] : [];
	});
}

const files = findCatalogFiles(join(root, 'src'));

describe('message catalogs', () => {
	it('exist', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	for (const file of files) {
		const name = relative(root, file);
		it(`${name}: every key exists in both languages, non-empty, translated`, async () => {
			const { messages } = (await import(file)) as { messages: Catalog };
			const frKeys = Object.keys(messages.fr).sort();
			const enKeys = Object.keys(messages.en).sort();
			expect(enKeys, `${name}: keys differ between fr and en`).toEqual(frKeys);
			for (const key of frKeys) {
				const fr = messages.fr[key] ?? '';
				const en = messages.en[key] ?? '';
				expect(fr.trim(), `${name}: fr.${key} is empty`).not.toBe('');
				expect(en.trim(), `${name}: en.${key} is empty`).not.toBe('');
				if (fr === en && !SAME_IN_BOTH.has(fr) && /[a-zA-Z]{3}/.test(fr)) {
					expect.fail(
						`${name}: "${key}" reads the same in French and English ("${fr}"): translate it, or add it to SAME_IN_BOTH`,
					);
				}
			}
		});
	}
});

import { describe, expect, it } from 'vitest';
import { messages } from '../../../labs/class/class.messages.ts';
import { csvField } from '../../../labs/class/report.ts';
import { parseCsv, parseRoster } from '../../../labs/class/roster.ts';
import { SAME_IN_BOTH } from '../../../src/lib/i18n/same-in-both.ts';

const KEYS = ['region', 'userName', 'bucket', 'accountId'];
const ROLE = (account: string) => `arn:aws:iam::${account}:role/AtelierLabCheckerRole`;

describe('RFC 4180 CSV', () => {
	it('reads quoted fields with commas, doubled quotes and line breaks; CRLF or LF; a BOM', () => {
		const { records, error } = parseCsv('\ufeffa,"b,c","say ""hi""","two\r\nlines"\r\nx,,z\n\n');
		expect(error).toBeUndefined();
		expect(records).toEqual([
			{ line: 1, fields: ['a', 'b,c', 'say "hi"', 'two\r\nlines'] },
			{ line: 3, fields: ['x', '', 'z'] },
		]);
	});

	it('rejects unbalanced or misplaced quotes, with the line', () => {
		expect(parseCsv('a,b\n"open,c\n').error).toEqual({ code: 'roster.quote', params: { line: 2 } });
		expect(parseCsv('a,"b"c\n').error?.code).toBe('roster.quote');
		expect(parseCsv('a,b"c"\n').error?.code).toBe('roster.quote');
	});

	it('round-trips what the report writes', () => {
		const values = ['plain', 'with,comma', 'with "quotes"', 'multi\nline', ''];
		const { records } = parseCsv(`${values.map(csvField).join(',')}\r\n`);
		expect(records[0]!.fields).toEqual(values);
	});
});

describe('roster', () => {
	const header = 'name,accountId,roleArn,externalId';
	it('reads students and their lab parameters (empty cells use the lab defaults)', () => {
		const { students, error } = parseRoster(
			`${header},bucket,region\nAna,111111111111,${ROLE('111111111111')},ext-1,ana-bucket,\n`,
			KEYS,
		);
		expect(error).toBeUndefined();
		expect(students).toEqual([
			{
				line: 2,
				name: 'Ana',
				accountId: '111111111111',
				roleArn: ROLE('111111111111'),
				externalId: 'ext-1',
				params: { bucket: 'ana-bucket' },
			},
		]);
	});

	it('keeps bad rows as students with a problem, never drops them', () => {
		const { students } = parseRoster(
			[
				header,
				`A,1111,${ROLE('111111111111')},e1`,
				`B,222222222222,${ROLE('111111111111')},e2`,
				`C,333333333333,${ROLE('333333333333')},`,
				`D,444444444444`,
				`,555555555555,${ROLE('555555555555')},e5`,
			].join('\n'),
			KEYS,
		);
		expect(students.map((s) => s.problem?.code)).toEqual([
			'roster.account-id',
			'roster.role-arn',
			'roster.external-id',
			'roster.columns',
			'roster.name',
		]);
	});

	it.each([
		['', 'roster.empty'],
		[`${header}\n`, 'roster.empty'],
		['name,roleArn,accountId,externalId\nx,y,z,w', 'roster.header'],
		[`${header},colour\n`, 'roster.unknown-column'],
		[`${header},accountId\n`, 'roster.unknown-column'],
		[`${header},bucket,bucket\n`, 'roster.duplicate-column'],
	])('refuses %j as a whole (%s)', (text, code) => {
		expect(parseRoster(text, KEYS).error?.code).toBe(code);
	});
});

describe('class.messages.ts', () => {
	it('has the same keys in both languages, all translated', () => {
		expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.fr).sort());
		for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
			expect(messages.fr[key].trim(), key).not.toBe('');
			if (!SAME_IN_BOTH.has(messages.en[key])) expect(messages.fr[key], key).not.toBe(messages.en[key]);
		}
	});
});

describe('CSV report cells', () => {
	it('never lets a spreadsheet run a cell as a formula', () => {
		expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvField('+1')).toBe("'+1");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('Alice')).toBe('Alice');
	});
});

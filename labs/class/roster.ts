/**
 * The class roster: RFC 4180 CSV with the header `name,accountId,roleArn,externalId` followed by optional lab
 * parameter columns (`bucket`, `region`, `userName`, …). Problems are codes + params (class.messages.ts words them).
 */

export interface Student {
	/** 1-based line of the record in the file (for messages). */
	readonly line: number;
	readonly name: string;
	readonly accountId: string;
	readonly roleArn: string;
	readonly externalId: string;
	/** Lab parameters from the extra columns; empty cells are left out (the lab's defaults apply). */
	readonly params: Readonly<Record<string, string>>;
	/** Why this student cannot be checked as listed (reported, never dropped). */
	readonly problem?: RosterProblem;
}

export interface RosterProblem {
	readonly code:
		| 'roster.empty'
		| 'roster.header'
		| 'roster.unknown-column'
		| 'roster.duplicate-column'
		| 'roster.quote'
		| 'roster.columns'
		| 'roster.account-id'
		| 'roster.role-arn'
		| 'roster.external-id'
		| 'roster.name';
	readonly params: Readonly<Record<string, string | number>>;
}

export const REQUIRED_COLUMNS = ['name', 'accountId', 'roleArn', 'externalId'] as const;

/** RFC 4180 records: quoted fields may hold commas, CR/LF and doubled quotes; CRLF or LF line ends. */
export function parseCsv(text: string): {
	records: { line: number; fields: string[] }[];
	error?: RosterProblem;
} {
	const records: { line: number; fields: string[] }[] = [];
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM from spreadsheet exports
	const endRecord = () => {
		fields.push(field);
		if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
		fields = [];
		field = '';
	};
	for (; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') {
				quoted = false;
				const next = text[i + 1];
				// After a closing quote only a separator or the end may follow (RFC 4180).
				if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
					return { records, error: { code: 'roster.quote', params: { line } } };
			} else {
				if (c === '\n') line++;
				field += c;
			}
		} else if (c === '"') {
			if (field !== '') return { records, error: { code: 'roster.quote', params: { line } } };
			quoted = true;
		} else if (c === ',') {
			fields.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			endRecord();
			line++;
			recordLine = line;
		} else field += c;
	}
	if (quoted) return { records, error: { code: 'roster.quote', params: { line: recordLine } } };
	if (field !== '' || fields.length > 0) endRecord();
	return { records };
}

function problemOf(
	student: Omit<Student, 'problem' | 'params' | 'line'>,
	line: number,
): RosterProblem | undefined {
	if (student.name.trim() === '') return { code: 'roster.name', params: { line } };
	if (!/^\d{12}$/.test(student.accountId))
		return { code: 'roster.account-id', params: { line, value: student.accountId } };
	const arn = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/.exec(student.roleArn);
	if (!arn || arn[1] !== student.accountId)
		return {
			code: 'roster.role-arn',
			params: { line, value: student.roleArn, accountId: student.accountId },
		};
	if (!/^[\w+=,.@:/-]{2,1224}$/.test(student.externalId))
		return { code: 'roster.external-id', params: { line } };
	return undefined;
}

/**
 * Parses and validates a roster. A malformed file or header is a usage error (`error`); a bad row becomes a student
 * with a `problem`. `paramKeys` are the lab's parameter names, the only extra columns allowed.
 */
export function parseRoster(
	text: string,
	paramKeys: readonly string[],
): { students: Student[]; error?: RosterProblem } {
	const { records, error } = parseCsv(text);
	if (error) return { students: [], error };
	const [header, ...rows] = records;
	if (!header) return { students: [], error: { code: 'roster.empty', params: {} } };
	const columns = header.fields.map((f) => f.trim());
	if (REQUIRED_COLUMNS.some((c, i) => columns[i] !== c))
		return { students: [], error: { code: 'roster.header', params: { found: columns.join(',') } } };
	const extra = columns.slice(REQUIRED_COLUMNS.length);
	const unknown = extra.find((c) => !paramKeys.includes(c) || c === 'accountId');
	if (unknown !== undefined)
		return {
			students: [],
			error: { code: 'roster.unknown-column', params: { column: unknown, allowed: paramKeys.join(', ') } },
		};
	const duplicate = extra.find((c, i) => extra.indexOf(c) !== i);
	if (duplicate !== undefined)
		return { students: [], error: { code: 'roster.duplicate-column', params: { column: duplicate } } };
	if (rows.length === 0) return { students: [], error: { code: 'roster.empty', params: {} } };
	const students = rows.map(({ line, fields }): Student => {
		const cell = (i: number) => (fields[i] ?? '').trim();
		const base = { name: cell(0), accountId: cell(1), roleArn: cell(2), externalId: cell(3) };
		const params: Record<string, string> = {};
		extra.forEach((key, j) => {
			const value = cell(REQUIRED_COLUMNS.length + j);
			if (value !== '') params[key] = value;
		});
		const problem =
			fields.length !== columns.length
				? {
						code: 'roster.columns' as const,
						params: { line, found: fields.length, expected: columns.length },
					}
				: problemOf(base, line);
		return { line, ...base, params, ...(problem && { problem }) };
	});
	return { students };
}

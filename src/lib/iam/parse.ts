import type {
	ConditionBlock,
	Effect,
	Policy,
	PolicyDiagnostic,
	PolicyDiagnosticCode,
	PrincipalSpec,
	Statement,
} from './types.ts';

/** IAM's own limit for a managed policy is 6 144 characters; anything far above is not a policy we should parse. */
const MAX_DOCUMENT_CHARS = 131_072;
const KNOWN_VERSIONS = new Set(['2012-10-17', '2008-10-17']);
const POLICY_FIELDS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set([
	'Sid',
	'Effect',
	'Action',
	'NotAction',
	'Resource',
	'NotResource',
	'Principal',
	'NotPrincipal',
	'Condition',
]);

export interface ParseOptions {
	/** `identity` (default): Resource required, Principal refused. `resource`: Principal required, Resource optional. */
	readonly kind?: 'identity' | 'resource';
	/** The name explanations use for this policy. */
	readonly name?: string;
}

export interface ParseResult {
	/** Present unless the document is not a JSON object at all; statements with errors are left out. */
	readonly policy?: Policy;
	readonly diagnostics: readonly PolicyDiagnostic[];
}

/**
 * IAM returns documents URL-encoded (RFC 3986) and the JS SDK hands them back raw (reference §4.5). A document that
 * already starts with `{` (fixtures, emulators) is returned as is. `+` is never a space here: AWS encodes spaces as %20.
 */
export function decodePolicyDocument(raw: string): string {
	const trimmed = raw.trimStart();
	if (trimmed.startsWith('{') || trimmed === '') return raw;
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}

/** Parses a policy given as JSON text (plain or URL-encoded) or as an already parsed value. */
export function parsePolicy(input: string | unknown, options: ParseOptions = {}): ParseResult {
	const diagnostics: PolicyDiagnostic[] = [];
	const report: Report = (code, path, params = {}) => {
		const severity = code.endsWith('unknown-field') ? 'warning' : 'error';
		diagnostics.push({ code, severity, path, params });
	};
	const errorCount = () => diagnostics.filter((d) => d.severity === 'error').length;
	let value: unknown = input;
	if (typeof input === 'string') {
		if (input.length > MAX_DOCUMENT_CHARS) {
			report('policy.too-large', '', { max: MAX_DOCUMENT_CHARS });
			return { diagnostics };
		}
		try {
			value = JSON.parse(decodePolicyDocument(input));
		} catch (error) {
			report('policy.json-invalid', '', { detail: error instanceof Error ? error.message : String(error) });
			return { diagnostics };
		}
	}
	if (!isRecord(value)) {
		report('policy.not-object', '');
		return { diagnostics };
	}
	for (const key of Object.keys(value))
		if (!POLICY_FIELDS.has(key)) report('policy.unknown-field', `/${key}`, { field: key });
	const version = typeof value['Version'] === 'string' ? value['Version'] : undefined;
	if (version === undefined) report('policy.version-missing', '/Version');
	else if (!KNOWN_VERSIONS.has(version)) report('policy.version-unknown', '/Version', { version });
	const raw = value['Statement'];
	const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
	if (list.length === 0) report('policy.statement-missing', '/Statement');
	const pointer = (i: number) => (Array.isArray(raw) ? `/Statement/${i}` : '/Statement');
	const statements = list.flatMap((entry, index) => {
		const statement = parseStatement(
			entry,
			index,
			pointer(index),
			options.kind ?? 'identity',
			report,
			errorCount,
		);
		return statement ? [statement] : [];
	});
	const policy: Policy = {
		statements,
		...(options.name !== undefined && { name: options.name }),
		...(version !== undefined && { version }),
		...(typeof value['Id'] === 'string' && { id: value['Id'] }),
	};
	return { policy, diagnostics };
}

type Report = (code: PolicyDiagnosticCode, path: string, params?: PolicyDiagnostic['params']) => void;

function parseStatement(
	entry: unknown,
	index: number,
	path: string,
	kind: 'identity' | 'resource',
	report: Report,
	errorCount: () => number,
): Statement | undefined {
	if (!isRecord(entry)) {
		report('statement.not-object', path);
		return undefined;
	}
	const before = errorCount();
	for (const key of Object.keys(entry))
		if (!STATEMENT_FIELDS.has(key)) report('statement.unknown-field', `${path}/${key}`, { field: key });
	const effect = entry['Effect'];
	if (effect !== 'Allow' && effect !== 'Deny')
		report('statement.effect-invalid', `${path}/Effect`, { value: String(effect) });
	const action = stringList(entry['Action'], `${path}/Action`, report);
	const notAction = stringList(entry['NotAction'], `${path}/NotAction`, report);
	if (action && notAction) report('statement.action-and-not-action', path);
	if (!action && !notAction) report('statement.action-missing', path);
	for (const [name, values] of [
		['Action', action],
		['NotAction', notAction],
	] as const)
		for (const a of values ?? [])
			if (a !== '*' && !/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(a))
				report('statement.action-malformed', `${path}/${name}`, { value: a });
	const resource = stringList(entry['Resource'], `${path}/Resource`, report);
	const notResource = stringList(entry['NotResource'], `${path}/NotResource`, report);
	if (resource && notResource) report('statement.resource-and-not-resource', path);
	if (!resource && !notResource && kind === 'identity') report('statement.resource-missing', path);
	const principal = parsePrincipal(entry['Principal'], `${path}/Principal`, report);
	const notPrincipal = parsePrincipal(entry['NotPrincipal'], `${path}/NotPrincipal`, report);
	if ((principal || notPrincipal) && kind === 'identity')
		report('statement.principal-in-identity-policy', `${path}/Principal`);
	if (!principal && !notPrincipal && kind === 'resource') report('statement.principal-missing', path);
	const condition = parseCondition(entry['Condition'], `${path}/Condition`, report);
	if (errorCount() > before) return undefined;
	return {
		index,
		effect: effect as Effect,
		...(typeof entry['Sid'] === 'string' && entry['Sid'] !== '' && { sid: entry['Sid'] }),
		...(action && { action }),
		...(notAction && { notAction }),
		...(resource && { resource }),
		...(notResource && { notResource }),
		...(principal && { principal }),
		...(notPrincipal && { notPrincipal }),
		...(condition && { condition }),
	};
}

function stringList(value: unknown, path: string, report: Report): string[] | undefined {
	if (value === undefined) return undefined;
	const list = Array.isArray(value) ? value : [value];
	if (!list.every((v): v is string => typeof v === 'string')) {
		report('statement.value-not-string', path);
		return undefined;
	}
	return list;
}

function parsePrincipal(value: unknown, path: string, report: Report): PrincipalSpec | undefined {
	if (value === undefined) return undefined;
	if (value === '*') return '*';
	if (!isRecord(value)) {
		report('statement.value-not-string', path);
		return undefined;
	}
	const spec: Record<string, string[]> = {};
	for (const [type, ids] of Object.entries(value)) {
		const list = stringList(ids, `${path}/${type}`, report);
		if (list) spec[type] = list;
	}
	return spec;
}

function parseCondition(value: unknown, path: string, report: Report): ConditionBlock | undefined {
	if (value === undefined) return undefined;
	if (!isRecord(value)) {
		report('statement.condition-malformed', path);
		return undefined;
	}
	const block: Record<string, Record<string, string[]>> = {};
	for (const [operator, keys] of Object.entries(value)) {
		if (!isRecord(keys)) {
			report('statement.condition-malformed', `${path}/${operator}`);
			continue;
		}
		const entries: Record<string, string[]> = {};
		for (const [key, raw] of Object.entries(keys)) {
			const list = Array.isArray(raw) ? raw : [raw];
			if (!list.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
				report('statement.condition-malformed', `${path}/${operator}/${key}`);
				continue;
			}
			entries[key] = list.map(String);
		}
		block[operator] = entries;
	}
	return block;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

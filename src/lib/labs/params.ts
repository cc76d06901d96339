/**
 * Lab parameters: the learner's names, validated against AWS's naming rules before any use (they end up in shell
 * commands, JSON files and ARNs). Validation returns codes + params; texts are in messages.ts.
 */

export type ParamKind =
	| 'region'
	| 'bucket'
	| 'userName'
	| 'roleName'
	| 'instanceProfileName'
	| 'accountId'
	| 'applicationName'
	| 'deploymentGroupName'
	| 'objectKey'
	| 'tagKey'
	| 'tagValue';

export interface ParamDefinition {
	readonly key: string;
	readonly kind: ParamKind;
	readonly default?: string;
	readonly required?: boolean;
}

export interface ParamError {
	readonly key: string;
	readonly code: ParamErrorCode;
	readonly params: Readonly<Record<string, string | number>>;
}

export type ParamErrorCode = 'param.required' | 'param.unknown' | 'param.invalid' | 'param.too-long';

const IAM_NAME = /^[\w+=,.@-]+$/;
const RULES: Readonly<Record<ParamKind, { max: number; test: (v: string) => boolean }>> = {
	region: { max: 25, test: (v) => /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(v) },
	bucket: { max: 63, test: isValidBucketName },
	userName: { max: 64, test: (v) => IAM_NAME.test(v) },
	roleName: { max: 64, test: (v) => IAM_NAME.test(v) },
	instanceProfileName: { max: 128, test: (v) => IAM_NAME.test(v) },
	accountId: { max: 12, test: (v) => /^\d{12}$/.test(v) },
	applicationName: { max: 100, test: (v) => /^[\w.+@=,-]+$/.test(v) },
	deploymentGroupName: { max: 100, test: (v) => /^[\w.+@=,-]+$/.test(v) },
	// Object keys may hold almost anything; the lab keeps them to a portable, shell-friendly subset.
	objectKey: { max: 1024, test: (v) => /^[\w!.*'()/-]+$/.test(v) && !v.startsWith('/') },
	tagKey: { max: 128, test: (v) => /^[\w .:/=+@-]+$/.test(v) && !v.toLowerCase().startsWith('aws:') },
	tagValue: { max: 256, test: (v) => /^[\w .:/=+@-]*$/.test(v) },
};

/** S3 general-purpose bucket naming rules (S3 User Guide, bucketnamingrules). */
export function isValidBucketName(name: string): boolean {
	if (name.length < 3 || name.length > 63) return false;
	if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return false;
	if (name.includes('..') || name.includes('.-') || name.includes('-.')) return false;
	if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return false;
	if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name)) return false;
	return !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name);
}

export interface ValidatedParams {
	readonly values: Readonly<Record<string, string>>;
	readonly errors: readonly ParamError[];
}

/** Applies defaults, refuses unknown keys, checks every value. Empty optional values are dropped. */
export function validateParams(
	definitions: readonly ParamDefinition[],
	raw: Readonly<Record<string, string | undefined>>,
): ValidatedParams {
	const errors: ParamError[] = [];
	const values: Record<string, string> = {};
	const known = new Set(definitions.map((d) => d.key));
	for (const key of Object.keys(raw))
		if (!known.has(key)) errors.push({ key, code: 'param.unknown', params: { key } });
	for (const definition of definitions) {
		const value = (raw[definition.key] ?? '').trim() || definition.default;
		if (value === undefined || value === '') {
			if (definition.required)
				errors.push({ key: definition.key, code: 'param.required', params: { key: definition.key } });
			continue;
		}
		const rule = RULES[definition.kind];
		if (value.length > rule.max)
			errors.push({
				key: definition.key,
				code: 'param.too-long',
				params: { key: definition.key, max: rule.max },
			});
		else if (!rule.test(value))
			errors.push({
				key: definition.key,
				code: 'param.invalid',
				params: { key: definition.key, value, kind: definition.kind },
			});
		else values[definition.key] = value;
	}
	return { values, errors };
}

import type { Caller } from '../caller.ts';
import { invalidInput, noSuchEntity, validationError } from '../errors.ts';
import type { Params } from '../query.ts';
import type { Account, SandboxState } from '../state.ts';

export interface IamContext {
	readonly state: SandboxState;
	readonly account: Account;
	readonly caller: Caller;
	readonly params: Params;
	readonly region: string;
	/** Throws AccessDenied unless the caller's policies allow `action` on `resource`. */
	authorize(action: string, resource: string): void;
}

/** Returns the inner XML of `<OpResult>`, or `undefined` for operations without output. */
export type IamHandler = (ctx: IamContext) => string | undefined;

export type EntityKind = 'user' | 'group' | 'role' | 'instance-profile' | 'policy';

export function arnOf(accountId: string, kind: EntityKind, path: string, name: string): string {
	return `arn:aws:iam::${accountId}:${kind}${path}${name}`;
}

const NAME = /^[\w+=,.@-]+$/;

/** IAM's name rules: `[\w+=,.@-]+`, at most `max` characters (64 for users and roles, 128 for policies). */
export function checkName(value: string, member: string, max: number): string {
	if (value.length > max)
		throw validationError(
			`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
		);
	if (!NAME.test(value))
		throw validationError(
			`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
		);
	return value;
}

export function checkPath(value: string | undefined): string {
	const path = value ?? '/';
	if (!/^\/([\x21-\x7E]+\/)?$/.test(path) || path.length > 512)
		throw validationError(
			`1 validation error detected: Value '${path}' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)`,
		);
	return path;
}

/** A policy ARN must look like one before IAM even looks it up (`InvalidInput`, reference §4.7). */
export function checkPolicyArn(arn: string): string {
	if (!/^arn:aws:iam::(aws|\d{12}):policy\/(.+\/)?[\w+=,.@-]+$/.test(arn))
		throw invalidInput(`ARN ${arn} is not valid.`);
	return arn;
}

export function mustFind<T>(value: T | undefined, message: string): T {
	if (value === undefined) throw noSuchEntity(message);
	return value;
}

export function now(): string {
	return new Date().toISOString();
}

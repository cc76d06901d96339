import type { Lang } from '../../src/lib/i18n/localized.ts';
import { runEvaluator, skipFor, type CheckDefinition } from '../../src/lib/labs/checks.ts';
import type { CallerIdentity, Read } from '../../src/lib/labs/facts.ts';
import { validateParams, type ParamError } from '../../src/lib/labs/params.ts';
import type { LabReport } from '../../src/lib/labs/report.ts';
import type { CheckResult, EvalContext } from '../../src/lib/labs/result.ts';
import { labFiles, paramDefinitions } from '../../src/lib/labs/schema.ts';
import type { Shell } from '../../src/lib/labs/shell.ts';
import { assumeRoleClients, createClients, type AwsClients, type ClientOptions } from '../aws/clients.ts';
import { createLimiter } from '../aws/limiter.ts';
import type { CommandRecorder } from '../aws/recorder.ts';
import { CHECKS_BY_LAB, isLabId, LAB_IDS, loadLab, type LabId } from './catalog.ts';
import { firstDeploymentSource, iamSetupSource, type FactSource } from './sources.ts';

export interface RunOptions {
	readonly profile?: string;
	/** Sets the lab region; must agree with `params.region` when both are given (else a usage error). */
	readonly region?: string;
	readonly endpointUrl?: string;
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly lang?: Lang;
	readonly shell?: Shell;
	/** Instructor mode: assume this role (STS AssumeRole) and check with its credentials. */
	readonly assumeRoleArn?: string;
	/** The ExternalId the assumed role's trust policy requires (instructor mode). */
	readonly assumeRoleExternalId?: string;
	/** Concurrent AWS calls (default 8: with 4, the 23 reads of iam-setup queue for six round trips). */
	readonly concurrency?: number;
	readonly maxAttempts?: number;
	/** NoSuchEntity retries just after creation (default 2 × 1 s; tests use 0). */
	readonly missingRetries?: number;
	readonly missingDelayMs?: number;
	readonly credentials?: ClientOptions['credentials'];
	readonly recorder?: CommandRecorder;
	/** Pre-built clients (tests). */
	readonly clients?: AwsClients;
	/** Where the lab YAML files are (default: content/labs next to this file; a bundled server may move it). */
	readonly labsDir?: string;
	readonly onProgress?: (event: { done: number; total: number; result: CheckResult }) => void;
	readonly now?: () => Date;
}

/** Raised for what the caller must fix before anything runs: unknown lab, invalid parameters, region conflict. */
export class LabUsageError extends Error {
	readonly code: 'usage.unknown-lab' | 'usage.region-conflict' | 'usage.params';
	readonly params: Readonly<Record<string, string>>;
	readonly paramErrors: readonly ParamError[];
	constructor(
		code: LabUsageError['code'],
		params: Record<string, string> = {},
		paramErrors: readonly ParamError[] = [],
	) {
		super(code);
		this.name = 'LabUsageError';
		this.code = code;
		this.params = params;
		this.paramErrors = paramErrors;
	}
}

/**
 * Runs a lab's checks against an AWS account and returns the report. The one entry point for the CLI and for the
 * site's local endpoint: pass only the lab id and the learner's parameters from a browser; profile, endpoint and
 * credentials must come from the server's own configuration.
 */
export async function runLabCheck(
	labId: string,
	rawParams: Readonly<Record<string, string>>,
	options: RunOptions = {},
): Promise<LabReport> {
	if (!isLabId(labId)) throw new LabUsageError('usage.unknown-lab', { lab: labId, labs: LAB_IDS.join(', ') });
	const lab = loadLab(labId, options.labsDir);
	const raw: Record<string, string> = { ...rawParams };
	if (options.region !== undefined) {
		if (raw['region'] !== undefined && raw['region'] !== options.region)
			throw new LabUsageError('usage.region-conflict', { region: options.region, param: raw['region'] });
		raw['region'] = options.region;
	}
	const { values, errors } = validateParams(paramDefinitions(lab), raw);
	if (errors.length > 0) throw new LabUsageError('usage.params', {}, errors);
	const startedAt = (options.now?.() ?? new Date()).toISOString();
	const region = values['region'] ?? 'eu-west-3';
	const clientOptions: ClientOptions = {
		region,
		...(options.profile !== undefined && { profile: options.profile }),
		...(options.endpointUrl !== undefined && { endpointUrl: options.endpointUrl }),
		...(options.env !== undefined && { env: options.env }),
		...(options.credentials !== undefined && { credentials: options.credentials }),
		...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
		...(options.recorder !== undefined && { recorder: options.recorder }),
	};
	const clients =
		options.clients ??
		(options.assumeRoleArn
			? await assumeRoleClients(clientOptions, options.assumeRoleArn, options.assumeRoleExternalId)
			: createClients(clientOptions));
	const readOptions = {
		limit: createLimiter(options.concurrency ?? 8),
		missingRetries: options.missingRetries ?? 2,
		missingDelayMs: options.missingDelayMs ?? 1000,
	};
	const source = sourceFor(labId, clients, values, readOptions);
	// The account id, when not given, comes from the caller's identity so fixes show real ARNs. The other reads do
	// not wait for it: only the evaluations need the context.
	const identityRead = source.identity() as Promise<Read<CallerIdentity>>;
	const context = identityRead.then((identity): EvalContext => {
		const filled = { ...values };
		if (!filled['accountId'] && identity.status === 'ok') filled['accountId'] = identity.value.account;
		return {
			values: filled,
			shell: options.shell ?? 'bash',
			lang: options.lang ?? 'fr',
			files: labFiles(lab),
		};
	});
	const results = await runConcurrently(
		CHECKS_BY_LAB[labId] as readonly CheckDefinition<Record<string, unknown>>[],
		source as FactSource<Record<string, unknown>>,
		context,
		options.onProgress,
	);
	const identity = await identityRead;
	return {
		lab: labId,
		params: values,
		principal: identity.status === 'ok' ? identity.value.arn : null,
		startedAt,
		results,
	};
}

function sourceFor(
	labId: LabId,
	clients: AwsClients,
	values: Record<string, string>,
	readOptions: Parameters<typeof iamSetupSource>[2],
) {
	return labId === 'iam-setup'
		? iamSetupSource(clients, values, readOptions)
		: firstDeploymentSource(clients, values, readOptions);
}

/**
 * Every check starts at once; a check waits only for its own prerequisites (dependent chains run in sequence),
 * then for its facts. AWS calls are bounded by the limiter shared by all reads.
 */
async function runConcurrently<F extends Record<string, unknown>>(
	definitions: readonly CheckDefinition<F>[],
	source: FactSource<F>,
	context: Promise<EvalContext>,
	onProgress: RunOptions['onProgress'],
): Promise<CheckResult[]> {
	const done = new Map<string, CheckResult>();
	const running = new Map<string, Promise<CheckResult>>();
	let finished = 0;
	const start = (definition: CheckDefinition<F>): Promise<CheckResult> => {
		const existing = running.get(definition.id);
		if (existing) return existing;
		const promise = (async () => {
			// Reads start at once, while the prerequisites are being decided: a dependent chain then costs its
			// longest chain of calls, not the sum of its checks' waits (reads are memoised and read-only, so a
			// check that ends up skipped has only spent a few calls).
			const facts = {} as F;
			const reading = Promise.all(
				definition.facts.map(async (key) => {
					facts[key] = (await source[key]()) as F[typeof key];
				}),
			);
			reading.catch(() => undefined);
			for (const prerequisite of definition.requires ?? []) {
				const before = definitions.find((d) => d.id === prerequisite.check);
				if (before) await start(before);
			}
			const skipped = skipFor(definition, done);
			let result: CheckResult;
			if (skipped) result = skipped;
			else {
				await reading;
				result = runEvaluator(definition, facts, await context);
			}
			done.set(definition.id, result);
			onProgress?.({ done: ++finished, total: definitions.length, result });
			return result;
		})();
		running.set(definition.id, promise);
		return promise;
	};
	return Promise.all(definitions.map(start));
}

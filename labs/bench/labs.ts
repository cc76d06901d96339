import { evaluate, parsePolicy, type Policy } from '../../src/lib/iam/index.ts';
import { evaluateChecks } from '../../src/lib/labs/checks.ts';
import { IAM_SETUP_CHECKS } from '../../src/lib/labs/iam-setup/index.ts';
import { startFakeAws } from '../../test/fixtures/labs/fake-aws.ts';
import {
	correctFacts,
	USER_POLICY,
	VALUES,
	INSTANCE_POLICY,
	CODEDEPLOY_ROLE_DOCUMENT,
} from '../../test/fixtures/labs/setup.ts';
import { correctWorld } from '../../test/fixtures/labs/world.ts';
import { runLabCheck } from '../engine/run.ts';
import { summarize, type BenchSection } from './section.ts';

function timings(samples: number[], unit: 'ms' | 'µs', runs: number): string {
	const factor = unit === 'µs' ? 1000 : 1;
	const { median, p95 } = summarize(samples.map((s) => s * factor));
	return `median ${median.toFixed(unit === 'µs' ? 1 : 2)} ${unit}, p95 ${p95.toFixed(unit === 'µs' ? 1 : 2)} ${unit} (${runs} runs)`;
}

function measureSync(task: () => unknown, runs: number): number[] {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		task();
		samples.push(performance.now() - start);
	}
	return samples;
}

/** Offline policy evaluation, pure lab evaluation, and a whole lab check through the SDK against a loopback double. */
export async function bench(): Promise<BenchSection> {
	const policies: Policy[] = [USER_POLICY, INSTANCE_POLICY, CODEDEPLOY_ROLE_DOCUMENT].map(
		(doc) => parsePolicy(doc).policy!,
	);
	const request = {
		action: 'iam:PassRole',
		resource: 'arn:aws:iam::123456789012:role/CodeDeployDemo-EC2-Instance-Profile',
	};
	const evalRuns = 20_000;
	const evalSamples = measureSync(() => evaluate(request, { identity: policies }), evalRuns);
	const ctx = { values: VALUES, shell: 'bash' as const, lang: 'en' as const };
	const facts = correctFacts();
	const labRuns = 500;
	const labSamples = measureSync(() => evaluateChecks(IAM_SETUP_CHECKS, facts, ctx), labRuns);

	const server = await startFakeAws(correctWorld());
	const e2eRuns = 30;
	const e2eSamples: number[] = [];
	try {
		for (let i = 0; i < e2eRuns; i++) {
			const start = performance.now();
			await runLabCheck(
				'iam-setup',
				{ bucket: 'newbucketcodedeploy' },
				{
					endpointUrl: server.url,
					env: {},
					credentials: { accessKeyId: 'AKIAEXAMPLEKEY000001', secretAccessKey: 'example' },
					missingRetries: 0,
					lang: 'en',
				},
			);
			e2eSamples.push(performance.now() - start);
		}
	} finally {
		await server.close();
	}
	return {
		title: 'Lab checker',
		rows: [
			{ name: 'IAM evaluate (3 policies, 1 request)', value: timings(evalSamples, 'µs', evalRuns) },
			{ name: 'iam-setup pure evaluation (13 checks)', value: timings(labSamples, 'ms', labRuns) },
			{
				name: 'iam-setup via SDK + loopback double (1-item pages)',
				value: timings(e2eSamples, 'ms', e2eRuns),
			},
		],
	};
}

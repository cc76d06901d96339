/**
 * The iam-setup lab as a learner follows it: each step's files, then its solution commands, rendered for bash with
 * the learner's values and run by a real AWS CLI; the cleanup commands in reverse step order.
 *
 * Who runs what: commands marked `where: admin` run with the administrator's keys; the other commands of the steps
 * that come after the restriction (step 3) run with the learner's own keys, which proves the step-3 policy is enough
 * for them. Step 2 is run as the administrator although its commands are not marked `admin`: at that point the
 * learner's user has no permissions at all yet (step 3 gives them), so the learner could not run it.
 */
import { renderStep, type LabStep } from '../../../src/lib/labs/schema.ts';
import { lab, type CliRunner, type Keys } from './support.ts';

const LEARNER_STEPS = new Set(['instance-profile', 'bucket']);

export interface WalkTarget {
	readonly runner: CliRunner;
	readonly admin: Keys;
	readonly values: Record<string, string>;
	/** Filled in by step 1 (create-access-key). */
	learner?: Keys;
}

function keysFor(target: WalkTarget, step: LabStep, where: string): Keys {
	if (where === 'admin' || !LEARNER_STEPS.has(step.id) || !target.learner) return target.admin;
	return target.learner;
}

/** Writes the step's files with the lab's own file commands, then runs its solution commands. */
export async function runSolution(target: WalkTarget, step: LabStep): Promise<void> {
	const rendered = renderStep(lab, step, target.values, 'bash');
	for (const file of rendered.files) await target.runner.bash(file.command, target.admin);
	for (const [i, command] of step.solution.entries()) {
		if (command.run[1] === 'configure') continue; // interactive: the test keeps the learner's keys itself
		const out = await target.runner.shell(rendered.solution[i]!, keysFor(target, step, command.where));
		if (command.run[2] === 'create-access-key') {
			const key = (JSON.parse(out) as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } })
				.AccessKey;
			target.learner = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
		}
	}
}

/** Runs every step's cleanup commands, last step first; `ACCESS_KEY_ID` is taken from `list-access-keys`. */
export async function runCleanup(target: WalkTarget): Promise<void> {
	for (const step of [...lab.steps].reverse()) {
		const rendered = renderStep(lab, step, target.values, 'bash');
		let keyIds: string[] = [];
		for (const [i, command] of step.cleanup.entries()) {
			const keys = keysFor(target, step, command.where);
			const text = rendered.cleanup[i]!;
			if (text.includes('ACCESS_KEY_ID')) {
				for (const id of keyIds) await target.runner.shell(text.replace('ACCESS_KEY_ID', id), keys);
				continue;
			}
			const out = await target.runner.shell(text, keys);
			if (command.run[2] === 'list-access-keys')
				keyIds = (JSON.parse(out) as { AccessKeyMetadata: { AccessKeyId: string }[] }).AccessKeyMetadata.map(
					(k) => k.AccessKeyId,
				);
		}
	}
}

export const LAB_VALUES = (bucket: string, accountId: string): Record<string, string> => ({
	region: 'eu-west-3',
	userName: 'codedeploy-user',
	serviceRoleName: 'CodeDeployServiceRole',
	instanceRoleName: 'CodeDeployDemo-EC2-Instance-Profile',
	instanceProfileName: 'CodeDeployDemo-EC2-Instance-Profile',
	bucket,
	accountId,
});

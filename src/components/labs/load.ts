/** The lab files, read and validated at build time (a broken lab file fails the build, naming the problem). */
import { parseLab, type Lab } from '../../lib/labs/schema.ts';

const sources = import.meta.glob<string>('../../../content/labs/*.yaml', {
	query: '?raw',
	import: 'default',
	eager: true,
});

export function getLab(id: string): Lab {
	const entry = Object.entries(sources).find(([path]) => path.endsWith(`/${id}.yaml`));
	if (!entry) throw new Error(`No lab content/labs/${id}.yaml`);
	const { lab, errors } = parseLab(entry[1]);
	if (!lab) throw new Error(`content/labs/${id}.yaml is invalid:\n${errors.join('\n')}`);
	return lab;
}

/** Only the iam-setup lab can run in the practice account (IAM, STS and S3; no EC2 nor CodeDeploy). */
export function practiceSupported(lab: Lab): boolean {
	return lab.id === 'iam-setup';
}

import { readFileSync } from 'node:fs';

/**
 * The AWS managed policies the labs use, with their real paths, default versions and documents (reference §1.2;
 * documents as published by AWS, via the copy bundled with moto 5.2.1 that the reference cross-checked).
 */
export interface AwsManagedPolicy {
	readonly name: string;
	readonly arn: string;
	readonly path: string;
	readonly defaultVersionId: string;
	readonly createDate: string;
	readonly updateDate: string;
	/** Pretty-printed as AWS returns it. */
	readonly document: string;
}

interface RawPolicy {
	path: string;
	defaultVersionId: string;
	createDate: string;
	updateDate: string;
	document: unknown;
}

const raw = JSON.parse(
	readFileSync(new URL('./data/aws-managed-policies.json', import.meta.url), 'utf8'),
) as Record<string, RawPolicy>;

export const AWS_MANAGED: ReadonlyMap<string, AwsManagedPolicy> = new Map(
	Object.entries(raw).map(([name, policy]) => {
		const arn = `arn:aws:iam::aws:policy${policy.path}${name}`;
		const entry: AwsManagedPolicy = {
			name,
			arn,
			path: policy.path,
			defaultVersionId: policy.defaultVersionId,
			createDate: policy.createDate,
			updateDate: policy.updateDate,
			document: JSON.stringify(policy.document, null, 4),
		};
		return [arn, entry] as const;
	}),
);

/** A stable, AWS-looking policy id per managed policy (real ones start with ANPA). */
export function awsManagedPolicyId(policy: AwsManagedPolicy): string {
	let hash = 0;
	for (const c of policy.arn) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
	return `ANPAJ${hash.toString(36).toUpperCase().padStart(16, 'Q')}`.slice(0, 21);
}

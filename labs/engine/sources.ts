import type { FirstDeploymentFacts, IamSetupFacts } from '../../src/lib/labs/facts.ts';
import type { AwsClients } from '../aws/clients.ts';
import { deployReads } from '../aws/deploy-facts.ts';
import { iamReads } from '../aws/iam-facts.ts';
import type { ReadOptions } from '../aws/read.ts';
import { s3Reads } from '../aws/s3-facts.ts';

/** A lazy, memoised fact: the first check that needs it triggers the read; the others share the promise. */
export type FactSource<F> = { readonly [K in keyof F]: () => Promise<F[K]> };

function memo<F>(getters: { [K in keyof F]: () => Promise<F[K]> }): FactSource<F> {
	const cache = new Map<keyof F, Promise<unknown>>();
	const out = {} as { [K in keyof F]: () => Promise<F[K]> };
	for (const key of Object.keys(getters) as (keyof F)[]) {
		out[key] = () => {
			let promise = cache.get(key);
			if (!promise) cache.set(key, (promise = getters[key]()));
			return promise as Promise<F[typeof key]>;
		};
	}
	return out;
}

export function iamSetupSource(
	clients: AwsClients,
	values: Readonly<Record<string, string>>,
	options: ReadOptions,
): FactSource<IamSetupFacts> {
	const iam = iamReads(clients.iam, clients.sts, options);
	const s3 = s3Reads(clients, options);
	const v = (k: string) => values[k] ?? '';
	return memo<IamSetupFacts>({
		identity: () => iam.identity(),
		user: () => iam.user(v('userName')),
		accessKeys: () => iam.accessKeys(v('userName')),
		userPolicies: () => iam.userPolicies(v('userName')),
		serviceRole: () => iam.role(v('serviceRoleName')),
		serviceRoleAttached: () => iam.roleAttached(v('serviceRoleName')),
		instanceRole: () => iam.role(v('instanceRoleName')),
		instanceRoleAttached: () => iam.roleAttached(v('instanceRoleName')),
		instanceRolePolicies: () => iam.rolePolicies(v('instanceRoleName')),
		instanceProfile: () => iam.instanceProfile(v('instanceProfileName')),
		profilesForInstanceRole: () => iam.profilesForRole(v('instanceRoleName')),
		bucket: () => s3.bucketLocation(v('bucket')),
		publicAccessBlock: () => s3.publicAccessBlock(v('bucket')),
		bucketPolicy: () => s3.bucketPolicy(v('bucket')),
		bucketAclGrantees: () => s3.bucketAclGrantees(v('bucket')),
		accountSummary: () => iam.accountSummary(),
	});
}

export function firstDeploymentSource(
	clients: AwsClients,
	values: Readonly<Record<string, string>>,
	options: ReadOptions,
): FactSource<FirstDeploymentFacts> {
	const iam = iamReads(clients.iam, clients.sts, options);
	const s3 = s3Reads(clients, options);
	const cd = deployReads(clients, options);
	const v = (k: string) => values[k] ?? '';
	return memo<FirstDeploymentFacts>({
		identity: () => iam.identity(),
		application: () => cd.application(v('applicationName')),
		deploymentGroup: () => cd.group(v('applicationName'), v('deploymentGroupName')),
		taggedInstances: () => cd.taggedInstances(v('applicationName'), v('deploymentGroupName')),
		revisionObject: () => s3.object(v('bucket'), v('revisionKey')),
		lastDeployment: () => cd.lastDeployment(v('applicationName'), v('deploymentGroupName')),
	});
}

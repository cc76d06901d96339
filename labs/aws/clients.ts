import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { AwsService } from '../../src/lib/labs/allowlist.ts';
import { globalRecorder, installRecorder, type CommandRecorder } from './recorder.ts';

export interface ClientOptions {
	/** The lab region (S3, STS, EC2, CodeDeploy); IAM is global. */
	readonly region: string;
	readonly profile?: string;
	/** `--endpoint-url`: wins over the `AWS_ENDPOINT_URL_<SERVICE>` and `AWS_ENDPOINT_URL` variables of `env`. */
	readonly endpointUrl?: string;
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Static credentials (tests, instructor mode); otherwise the SDK's default chain (env, profiles, SSO, IMDS). */
	readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
	/** Total attempts for throttling and 5xx (SDK standard retry). */
	readonly maxAttempts?: number;
	readonly recorder?: CommandRecorder;
}

export interface AwsClients {
	readonly sts: STSClient;
	readonly iam: IAMClient;
	/** S3 for a region: bucket configuration reads go to the bucket's own region. */
	s3(region?: string): S3Client;
	readonly ec2: EC2Client;
	readonly codedeploy: CodeDeployClient;
	readonly region: string;
}

const ENV_SUFFIX: Record<AwsService, string> = {
	sts: 'STS',
	iam: 'IAM',
	s3: 'S3',
	ec2: 'EC2',
	codedeploy: 'CODEDEPLOY',
};

export function endpointFor(service: AwsService, options: ClientOptions): string | undefined {
	if (options.endpointUrl) return options.endpointUrl;
	const env = options.env ?? {};
	return env[`AWS_ENDPOINT_URL_${ENV_SUFFIX[service]}`] || env['AWS_ENDPOINT_URL'] || undefined;
}

export function createClients(options: ClientOptions): AwsClients {
	const credentials =
		options.credentials ??
		fromNodeProviderChain(options.profile !== undefined ? { profile: options.profile } : {});
	const recorders = [globalRecorder, ...(options.recorder ? [options.recorder] : [])];
	const base = (service: AwsService, region: string) => {
		const endpoint = endpointFor(service, options);
		return {
			region,
			credentials,
			maxAttempts: options.maxAttempts ?? 5,
			...(endpoint !== undefined && { endpoint }),
		};
	};
	const guard = <C extends { middlewareStack: unknown }>(client: C, service: AwsService): C => {
		installRecorder(client, service, recorders);
		return client;
	};
	const s3Clients = new Map<string, S3Client>();
	return {
		region: options.region,
		sts: guard(new STSClient(base('sts', options.region)), 'sts'),
		// IAM is global: the SDK picks iam.amazonaws.com (signing us-east-1) from any commercial region.
		iam: guard(new IAMClient(base('iam', options.region)), 'iam'),
		ec2: guard(new EC2Client(base('ec2', options.region)), 'ec2'),
		codedeploy: guard(new CodeDeployClient(base('codedeploy', options.region)), 'codedeploy'),
		s3(region = options.region) {
			let client = s3Clients.get(region);
			if (!client) {
				const config = base('s3', region);
				// With a custom endpoint, path-style keeps `localhost` endpoints working (reference §4.8).
				client = guard(new S3Client({ ...config, forcePathStyle: config.endpoint !== undefined }), 's3');
				s3Clients.set(region, client);
			}
			return client;
		},
	};
}

/**
 * Instructor mode: assume a role (through the guarded STS client) and return clients using its credentials.
 * `externalId` is the value the student's checker-role trust policy requires (confused-deputy guard).
 */
export async function assumeRoleClients(
	options: ClientOptions,
	roleArn: string,
	externalId?: string,
): Promise<AwsClients> {
	const { sts } = createClients(options);
	const out = await sts.send(
		new AssumeRoleCommand({
			RoleArn: roleArn,
			RoleSessionName: 'atelier-lab-check',
			DurationSeconds: 900,
			...(externalId !== undefined && { ExternalId: externalId }),
		}),
	);
	const c = out.Credentials;
	if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
	return createClients({
		...options,
		credentials: {
			accessKeyId: c.AccessKeyId,
			secretAccessKey: c.SecretAccessKey,
			...(c.SessionToken && { sessionToken: c.SessionToken }),
		},
	});
}

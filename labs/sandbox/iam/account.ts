import type { Account } from '../state.ts';
import { node, text } from '../xml.ts';
import type { IamHandler } from './context.ts';

/** GetAccountSummary's `SummaryMap` (reference §4.4; keys from the `summaryKeyType` enum). */
function summary(account: Account): Record<string, number> {
	const users = Object.values(account.users);
	const policies = Object.values(account.policies);
	return {
		Users: users.length,
		UsersQuota: 5000,
		Groups: Object.keys(account.groups).length,
		GroupsQuota: 300,
		Roles: Object.keys(account.roles).length,
		RolesQuota: 1000,
		Policies: policies.length,
		PoliciesQuota: 1500,
		InstanceProfiles: Object.keys(account.instanceProfiles).length,
		InstanceProfilesQuota: 1000,
		PolicyVersionsInUse: policies.reduce((n, p) => n + p.versions.length, 0),
		PolicyVersionsInUseQuota: 10000,
		VersionsPerPolicyQuota: 5,
		PolicySizeQuota: 6144,
		UserPolicySizeQuota: 2048,
		GroupPolicySizeQuota: 5120,
		RolePolicySizeQuota: 10240,
		AssumeRolePolicySizeQuota: 2048,
		AttachedPoliciesPerUserQuota: 10,
		AttachedPoliciesPerGroupQuota: 10,
		AttachedPoliciesPerRoleQuota: 10,
		GroupsPerUserQuota: 10,
		AccessKeysPerUserQuota: 2,
		SigningCertificatesPerUserQuota: 2,
		MFADevices: 0,
		MFADevicesInUse: 0,
		// The practice account's root user is locked away with MFA; only staged root keys (M11) change the picture.
		AccountMFAEnabled: 1,
		AccountAccessKeysPresent: account.rootKeys.length > 0 ? 1 : 0,
		AccountSigningCertificatesPresent: 0,
		ServerCertificates: 0,
		ServerCertificatesQuota: 20,
		Providers: 0,
		GlobalEndpointTokenVersion: 1,
	};
}

export const accountHandlers: Record<string, IamHandler> = {
	GetAccountSummary: (ctx) => {
		ctx.authorize('iam:GetAccountSummary', '*');
		const entries = Object.entries(summary(ctx.account)).map(
			([key, value]) => `<entry>${text('key', key)}${text('value', value)}</entry>`,
		);
		return node('SummaryMap', ...entries);
	},
};

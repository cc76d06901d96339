import { authorizeIam } from './authz.ts';
import type { Caller } from './caller.ts';
import { AwsError } from './errors.ts';
import { IAM_HANDLERS, isReadAction } from './iam/index.ts';
import { IAM_NS, Params, queryResponse, STS_NS } from './query.ts';
import { headerMap, type IncomingSigned } from './sigv4.ts';
import type { SandboxState } from './state.ts';
import { assumeRole, getCallerIdentity } from './sts.ts';

export interface QueryResult {
	readonly action: string;
	readonly xml: string;
	readonly changed: boolean;
}

/** IAM and STS over the awsQuery protocol: parameters from the form body and the query string (reference §4.2). */
export function handleQuery(
	state: SandboxState,
	caller: Caller,
	service: string,
	signed: IncomingSigned,
	region: string,
	requestId: string,
): QueryResult {
	const type = headerMap(signed.rawHeaders).get('content-type') ?? '';
	const form = type.startsWith('application/x-www-form-urlencoded') ? signed.body.toString('utf8') : '';
	const params = Params.parse(signed.rawQuery, form);
	const action = params.get('Action');
	if (!action) throw new AwsError('MissingAction', 400, 'Missing Action');
	if (service === 'sts') {
		if (action === 'GetCallerIdentity')
			return {
				action,
				changed: false,
				xml: queryResponse(STS_NS, action, getCallerIdentity(caller), requestId),
			};
		if (action === 'AssumeRole')
			return {
				action,
				changed: true,
				xml: queryResponse(STS_NS, action, assumeRole(state, caller, params, region), requestId),
			};
		throw new AwsError('InvalidAction', 400, `Could not find operation ${action} for version 2011-06-15`);
	}
	const handler = IAM_HANDLERS[action];
	if (!handler)
		throw new AwsError('InvalidAction', 400, `Could not find operation ${action} for version 2010-05-08`);
	const account = state.accounts[caller.accountId];
	if (!account)
		throw new AwsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
	const result = handler({
		state,
		account,
		caller,
		params,
		region,
		authorize: (iamAction, resource) => authorizeIam(state, caller, region, iamAction, resource),
	});
	return { action, changed: !isReadAction(action), xml: queryResponse(IAM_NS, action, result, requestId) };
}

import type { CheckDefinition } from '../checks.ts';
import type { FirstDeploymentFacts } from '../facts.ts';
import { identityCheck } from '../identity.ts';
import { evaluateLastDeployment } from './deployment.ts';
import {
	evaluateApplication,
	evaluateGroup,
	evaluateGroupInstances,
	evaluateGroupRole,
	evaluateRevision,
} from './group.ts';

const usable = { check: 'identity', when: 'usable' } as const;
const CD = 'https://docs.aws.amazon.com/codedeploy/latest/userguide';

/** The `first-deployment` lab's checks, in report order. */
export const FIRST_DEPLOYMENT_CHECKS: readonly CheckDefinition<FirstDeploymentFacts>[] = [
	identityCheck<FirstDeploymentFacts>(),
	{
		id: 'application',
		facts: ['application'],
		requires: [usable],
		docs: `${CD}/applications-create.html`,
		evaluate: evaluateApplication,
	},
	{
		id: 'deployment-group',
		facts: ['deploymentGroup'],
		requires: [usable, { check: 'application', when: 'exists' }],
		docs: `${CD}/deployment-groups-create.html`,
		evaluate: evaluateGroup,
	},
	{
		id: 'deployment-group-role',
		facts: ['deploymentGroup'],
		requires: [usable, { check: 'deployment-group', when: 'pass' }],
		docs: `${CD}/getting-started-create-service-role.html`,
		evaluate: evaluateGroupRole,
	},
	{
		id: 'deployment-group-instances',
		facts: ['deploymentGroup', 'taggedInstances'],
		requires: [usable, { check: 'deployment-group', when: 'pass' }],
		docs: `${CD}/instances-tagging.html`,
		evaluate: evaluateGroupInstances,
	},
	{
		id: 'revision',
		facts: ['revisionObject'],
		requires: [usable],
		docs: `${CD}/application-revisions-push.html`,
		evaluate: evaluateRevision,
	},
	{
		id: 'last-deployment',
		facts: ['lastDeployment'],
		requires: [usable, { check: 'deployment-group', when: 'pass' }],
		docs: `${CD}/troubleshooting-deployments.html`,
		evaluate: evaluateLastDeployment,
	},
];

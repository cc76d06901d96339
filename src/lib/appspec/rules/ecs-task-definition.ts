import { field, list } from '../data.ts';
import type { Rule } from './rule.ts';

const TASK_DEFINITION_ARN =
	/^arn:aws[a-zA-Z-]*:ecs:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;

/** `TaskDefinition` is the task definition ARN; CodePipeline fills the `<TASK_DEFINITION>` placeholder itself. */
export const ecsTaskDefinition: Rule = {
	id: 'ecs-task-definition',
	platforms: ['ecs'],
	check(ctx) {
		list(field(ctx.value, 'Resources')).forEach((resource, index) => {
			const value = field(field(field(resource, 'TargetService'), 'Properties'), 'TaskDefinition');
			if (typeof value !== 'string') return;
			const path = ['Resources', index, 'TargetService', 'Properties', 'TaskDefinition'];
			if (value.trim() === '<TASK_DEFINITION>') ctx.report('ecs-task-definition-placeholder', { path });
			else if (!TASK_DEFINITION_ARN.test(value.trim()))
				ctx.report('ecs-task-definition-not-arn', { path }, { value });
		});
	},
};

import * as z from 'zod';
import { ECS_EVENTS } from '../events.ts';
import { serviceHooks, serviceVersion, resourcesCount } from './common.ts';
import { bi } from './describe.ts';

/** Amazon ECS AppSpec, parsed by the CodeDeploy service (reference §3). */

const strings = z.array(z.string());

const awsvpc = z
	.object({
		Subnets: strings.optional().meta(bi('Sous-réseaux.', 'Subnets.')),
		SecurityGroups: strings.optional().meta(bi('Groupes de sécurité.', 'Security groups.')),
		AssignPublicIp: z
			.enum(['ENABLED', 'DISABLED'])
			.optional()
			.meta(bi('ENABLED ou DISABLED.', 'ENABLED or DISABLED.')),
	})
	.meta(
		bi(
			'Les trois clés ensemble, ou aucune (réglages actuels du service).',
			'All three keys together, or none (the service’s current settings).',
		),
	);

const capacityProvider = z.object({
	Base: z.number().int().min(0).optional().meta(bi('Nombre minimal de tâches.', 'Minimum task count.')),
	CapacityProvider: z.string().meta(bi('Nom du fournisseur de capacité.', 'Capacity provider name.')),
	Weight: z.number().int().min(0).optional().meta(bi('Poids relatif.', 'Relative weight.')),
});

const properties = z.object({
	TaskDefinition: z
		.string()
		.meta(
			bi(
				'ARN de la définition de tâche : arn:aws:ecs:<région>:<compte>:task-definition/<famille>:<révision>.',
				'Task definition ARN: arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>.',
			),
		),
	LoadBalancerInfo: z.object({
		ContainerName: z.string().meta(bi('Conteneur qui reçoit le trafic.', 'Container that receives traffic.')),
		ContainerPort: z
			.number()
			.int()
			.min(1)
			.max(65535)
			.meta(bi('Port du conteneur : un nombre, sans guillemets.', 'Container port: a number, unquoted.')),
	}),
	PlatformVersion: z
		.string()
		.optional()
		.meta(bi('Version de plateforme Fargate.', 'Fargate platform version.')),
	NetworkConfiguration: z.object({ AwsvpcConfiguration: awsvpc }).optional(),
	CapacityProviderStrategy: z.array(capacityProvider).optional(),
});

const targetService = z.object({
	Type: z.literal('AWS::ECS::Service').meta(bi('Toujours AWS::ECS::Service.', 'Always AWS::ECS::Service.')),
	Properties: properties,
});

export const ecsAppSpec = z
	.object({
		version: serviceVersion,
		Resources: z
			.array(z.object({ TargetService: targetService }))
			.length(1, resourcesCount)
			.meta(bi('Exactement une ressource TargetService.', 'Exactly one TargetService resource.')),
		Hooks: serviceHooks(ECS_EVENTS),
	})
	.meta({ title: 'AppSpec Amazon ECS', ...bi('AppSpec pour Amazon ECS.', 'AppSpec for Amazon ECS.') });

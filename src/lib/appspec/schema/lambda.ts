import * as z from 'zod';
import { LAMBDA_EVENTS } from '../events.ts';
import { serviceHooks, serviceVersion, resourcesCount } from './common.ts';
import { bi } from './describe.ts';

/** AWS Lambda AppSpec, parsed by the CodeDeploy service (reference §4). */

const version = z
	.union([z.string(), z.number()])
	.meta(bi('Numéro de version publiée (entier positif).', 'Published version number (positive integer).'));

const lambdaFunction = z.object({
	Type: z
		.literal('AWS::Lambda::Function')
		.meta(bi('Toujours AWS::Lambda::Function.', 'Always AWS::Lambda::Function.')),
	Properties: z.object({
		Name: z.string().meta(bi('Nom de la fonction.', 'Function name.')),
		Alias: z.string().meta(bi('Alias dont le trafic bascule.', 'Alias whose traffic shifts.')),
		CurrentVersion: version.optional(),
		TargetVersion: version,
	}),
});

export const lambdaAppSpec = z
	.object({
		version: serviceVersion,
		Resources: z
			.array(z.record(z.string(), lambdaFunction))
			.length(1, resourcesCount)
			.meta(bi('Exactement une fonction.', 'Exactly one function.')),
		Hooks: serviceHooks(LAMBDA_EVENTS),
	})
	.meta({ title: 'AppSpec AWS Lambda', ...bi('AppSpec pour AWS Lambda.', 'AppSpec for AWS Lambda.') });

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAppSpec } from '../../../src/lib/appspec/index.ts';
import {
	APPSPEC_EXERCISES,
	checkExercise,
	type AppSpecExerciseId,
} from '../../../src/lib/appspec/exercises.ts';
import { normalizeSample } from '../../../src/components/appspec/sample.ts';
import { localizeSchema, pickDescription } from '../../../src/components/appspec/schema-lang.ts';
import { samplesOf } from './extract.ts';

const root = join(import.meta.dirname, '../../..');
const lessons = ['01-structure', '02-hooks-lifecycle'].flatMap((name) =>
	['fr', 'en'].map((lang) => `src/content/docs/${lang}/05-appspec/${name}.mdx`),
);

/** A correct answer for each exercise: the predicate must accept it. */
const SOLUTIONS: Record<AppSpecExerciseId, string> = {
	'appspec-version-quoted':
		'version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /srv/shop/app\n',
	'appspec-mode-octal':
		'version: 0.0\nos: linux\nfiles:\n  - source: config/shop.conf\n    destination: /etc/shop\npermissions:\n  - object: /etc/shop/shop.conf\n    mode: "0644"\n',
	'appspec-hook-misspelled':
		'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/install_dependencies.sh\n',
	'appspec-hooks-list':
		'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/configure_app.sh\n  ApplicationStart:\n    - location: scripts/start_server.sh\n',
	'appspec-validate-service':
		'version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: scripts/check_health.sh\n      timeout: 300\n',
	'appspec-timeout-limit':
		'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/migrate.sh\n      timeout: 3000\n    - location: scripts/collect_static.sh\n      timeout: 600\n',
	'appspec-install-reserved':
		'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/migrate.sh\n      timeout: 600\n',
	'appspec-ecs-hooks':
		'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn:aws:ecs:eu-west-3:123456789012:task-definition/shop:12\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 8000\nHooks:\n  - AfterAllowTestTraffic: CodeDeployHook_SmokeTest\n',
	'appspec-lambda-versions':
		'version: 0.0\nResources:\n  - shopApi:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: shop-api\n        Alias: live\n        CurrentVersion: "4"\n        TargetVersion: "5"\n',
};

const check = (id: AppSpecExerciseId, source: string) =>
	checkExercise(id, validateAppSpec(source, { platform: APPSPEC_EXERCISES[id].platform }));

describe('AppSpec exercises', () => {
	for (const id of Object.keys(APPSPEC_EXERCISES) as AppSpecExerciseId[]) {
		it(`${id}: the model answer passes`, () => expect(check(id, SOLUTIONS[id])).toBe(true));
	}

	it('every exercise used in a lesson starts unsolved, in both languages', () => {
		let seen = 0;
		for (const file of lessons) {
			const text = readFileSync(join(root, file), 'utf8');
			for (const sample of samplesOf(file, text)) {
				const goal = /goal="([a-z0-9-]+)"/.exec(
					text.slice(text.indexOf(`id="${/id="([^"]+)"/.exec(sample.where)?.[1] ?? '\0'}"`)).split('/>')[0] ??
						'',
				)?.[1];
				if (!goal || !(goal in APPSPEC_EXERCISES)) continue;
				seen++;
				expect(check(goal as AppSpecExerciseId, normalizeSample(sample.source)), `${sample.where}`).toBe(
					false,
				);
			}
		}
		expect(seen).toBeGreaterThanOrEqual(12);
	});

	it('an ECS answer does not pass a server exercise', () => {
		expect(check('appspec-version-quoted', SOLUTIONS['appspec-ecs-hooks'])).toBe(false);
	});
});

describe('schema descriptions per language', () => {
	it('keeps one half of a bilingual description', () => {
		expect(pickDescription('Fichiers à copier. / Files to copy.', 'fr')).toBe('Fichiers à copier.');
		expect(pickDescription('Fichiers à copier. / Files to copy.', 'en')).toBe('Files to copy.');
		expect(pickDescription('EC2/On-Premises', 'en')).toBe('EC2/On-Premises');
	});

	it('localizes every description of the published schema, and nothing else', () => {
		const schema = JSON.parse(
			readFileSync(join(root, 'public/schemas/appspec.schema.json'), 'utf8'),
		) as unknown;
		const en = JSON.stringify(localizeSchema(schema, 'en'));
		expect(en).not.toMatch(/ \/ /);
		expect(en).toContain('Files to copy.');
		expect(JSON.stringify(localizeSchema(schema, 'fr'))).toContain('Fichiers à copier.');
		expect(Object.keys(localizeSchema(schema, 'en') as object)).toEqual(Object.keys(schema as object));
	});
});

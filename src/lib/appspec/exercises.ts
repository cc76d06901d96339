/**
 * Graded AppSpec exercises: a goal in both languages and a predicate over the validator's result. The editor
 * (`<AppSpecEditor goal="…">`) shows the goal and runs the predicate after every validation; the lessons and
 * the tests refer to exercises by id, so ids are stable.
 */
import type { Localized } from '../i18n/localized.ts';
import type { Platform, ValidationResult } from './types.ts';

export interface AppSpecExercise {
	readonly goal: Localized;
	/** The platform the exercise is about: a file validated for another platform never passes. */
	readonly platform: Platform;
	readonly check: (result: ValidationResult) => boolean;
}

type Data = Readonly<Record<string, unknown>>;

const isMap = (value: unknown): value is Data =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** No error and no warning (informational notes are fine): AWS accepts the file and it does what it says. */
export function hasNoProblems(result: ValidationResult): boolean {
	return result.diagnostics.every((d) => d.severity === 'info');
}

/** The server hooks map, or an empty one. */
function serverHooks(result: ValidationResult): Data {
	const root = isMap(result.value) ? result.value : {};
	return isMap(root['hooks']) ? root['hooks'] : {};
}

function scriptsOf(result: ValidationResult, event: string): Data[] {
	const scripts = serverHooks(result)[event];
	return Array.isArray(scripts) ? scripts.filter(isMap) : [];
}

/** ECS and Lambda hooks: the list of single-key maps flattened to event names. */
function listHookEvents(result: ValidationResult): string[] {
	const root = isMap(result.value) ? result.value : {};
	const hooks = root['Hooks'];
	return Array.isArray(hooks) ? hooks.filter(isMap).flatMap((entry) => Object.keys(entry)) : [];
}

function clean(platform: Platform, extra: (result: ValidationResult) => boolean = () => true) {
	return (result: ValidationResult) => result.platform === platform && hasNoProblems(result) && extra(result);
}

function modes(result: ValidationResult): unknown[] {
	const root = isMap(result.value) ? result.value : {};
	const permissions = Array.isArray(root['permissions']) ? root['permissions'].filter(isMap) : [];
	return permissions.map((permission) => permission['mode']);
}

export const APPSPEC_EXERCISES = {
	'appspec-version-quoted': {
		platform: 'server',
		goal: {
			fr: 'Rendez ce fichier valide : aucune erreur ni avertissement.',
			en: 'Make this file valid: no error and no warning.',
		},
		check: clean('server'),
	},
	'appspec-mode-octal': {
		platform: 'server',
		goal: {
			fr: 'Faites en sorte que le fichier reçoive vraiment le mode 644 (rw-r--r--), sans avertissement.',
			en: 'Make the file really get mode 644 (rw-r--r--), with no warning.',
		},
		check: clean('server', (r) => modes(r).some((mode) => mode === '0644' || mode === 644 || mode === '644')),
	},
	'appspec-hook-misspelled': {
		platform: 'server',
		goal: {
			fr: 'Faites exécuter le script d’installation des dépendances avant l’installation des fichiers.',
			en: 'Make the dependency script run before the files are installed.',
		},
		check: clean('server', (r) => scriptsOf(r, 'BeforeInstall').length > 0),
	},
	'appspec-hooks-list': {
		platform: 'server',
		goal: {
			fr: 'Réécrivez la section hooks dans la forme EC2 que l’agent sait lire, sans perdre de script.',
			en: 'Rewrite the hooks section in the EC2 shape the agent can read, without losing a script.',
		},
		check: clean(
			'server',
			(r) => scriptsOf(r, 'AfterInstall').length > 0 && scriptsOf(r, 'ApplicationStart').length > 0,
		),
	},
	'appspec-validate-service': {
		platform: 'server',
		goal: {
			fr: 'Ajoutez un hook ValidateService qui lance scripts/check_health.sh avec un timeout de 300 s.',
			en: 'Add a ValidateService hook that runs scripts/check_health.sh with a 300 s timeout.',
		},
		check: clean('server', (r) =>
			scriptsOf(r, 'ValidateService').some(
				(s) =>
					typeof s['location'] === 'string' &&
					s['location'].trim() === 'scripts/check_health.sh' &&
					Number(s['timeout']) === 300,
			),
		),
	},
	'appspec-timeout-limit': {
		platform: 'server',
		goal: {
			fr: 'Gardez les deux scripts de AfterInstall, mais faites tenir l’événement dans la limite d’une heure.',
			en: 'Keep both AfterInstall scripts, but make the event fit within the one-hour limit.',
		},
		check: clean('server', (r) => scriptsOf(r, 'AfterInstall').length >= 2),
	},
	'appspec-install-reserved': {
		platform: 'server',
		goal: {
			fr: 'Faites exécuter le script de migration juste après la copie des fichiers.',
			en: 'Make the migration script run right after the files are copied.',
		},
		check: clean('server', (r) => scriptsOf(r, 'AfterInstall').length > 0),
	},
	'appspec-ecs-hooks': {
		platform: 'ecs',
		goal: {
			fr: 'Corrigez les hooks ECS : une fonction Lambda de test après le trafic de test, dans la forme ECS.',
			en: 'Fix the ECS hooks: one Lambda test function after test traffic, in the ECS shape.',
		},
		check: clean('ecs', (r) => listHookEvents(r).includes('AfterAllowTestTraffic')),
	},
	'appspec-lambda-versions': {
		platform: 'lambda',
		goal: {
			fr: 'Déplacez l’alias live de la version 4 vers la version 5, sans avertissement.',
			en: 'Shift the live alias from version 4 to version 5, with no warning.',
		},
		check: clean('lambda', (r) => {
			const root = isMap(r.value) ? r.value : {};
			const resources = Array.isArray(root['Resources']) ? root['Resources'].filter(isMap) : [];
			const properties = resources.flatMap((resource) =>
				Object.values(resource).flatMap((fn) =>
					isMap(fn) && isMap(fn['Properties']) ? [fn['Properties']] : [],
				),
			);
			return properties.some(
				(p) => String(p['CurrentVersion']) === '4' && String(p['TargetVersion']) === '5',
			);
		}),
	},
} as const satisfies Record<string, AppSpecExercise>;

export type AppSpecExerciseId = keyof typeof APPSPEC_EXERCISES;

export function isExerciseId(value: unknown): value is AppSpecExerciseId {
	return typeof value === 'string' && Object.hasOwn(APPSPEC_EXERCISES, value);
}

/** Whether `result` meets the goal of exercise `id`. */
export function checkExercise(id: AppSpecExerciseId, result: ValidationResult): boolean {
	const exercise: AppSpecExercise = APPSPEC_EXERCISES[id];
	return exercise.check(result);
}

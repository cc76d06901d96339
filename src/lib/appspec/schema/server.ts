import * as z from 'zod';
import { SERVER_EVENTS } from '../events.ts';
import { bi, codeWhen, isMissing } from './describe.ts';

/** EC2/on-premises AppSpec as the CodeDeploy agent reads it (reference §1). Semantics are in ../rules. */

export const serverVersion = z
	.literal(0, {
		...codeWhen((input) => {
			if (isMissing(input)) return 'version-missing';
			if (typeof input === 'string' && input.trim() !== '' && Number(input) === 0) return 'version-quoted';
			return 'version-invalid';
		}),
	})
	.meta(
		bi(
			'Toujours le nombre 0.0, sans guillemets : l’agent refuse la chaîne "0.0".',
			'Always the number 0.0, unquoted: the agent rejects the string "0.0".',
		),
	);

const os = z
	.enum(['linux', 'windows'], { ...codeWhen((input) => (isMissing(input) ? 'os-missing' : 'os-invalid')) })
	.meta(bi('Système des instances, en minuscules.', 'Operating system of the instances, lowercase.'));

const script = z
	.object(
		{
			location: z
				.union([z.string(), z.number()], {
					...codeWhen((input) => (isMissing(input) ? 'hook-location-missing' : undefined)),
				})
				.meta(
					bi(
						'Chemin du script, toujours relatif à la racine de la révision.',
						'Script path, always relative to the revision root.',
					),
				),
			timeout: z
				.union([z.number(), z.string()])
				.nullable()
				.optional()
				.meta(
					bi(
						'Secondes (entier > 0, 3600 par défaut ; un événement ne peut dépasser 3600 s au total).',
						'Seconds (integer > 0, default 3600; one event cannot exceed 3600 s in total).',
					),
				),
			runas: z
				.string()
				.nullable()
				.optional()
				.meta(
					bi(
						'Utilisateur Linux qui exécute le script (ignoré sous Windows).',
						'Linux user that runs the script (ignored on Windows).',
					),
				),
		},
		{ ...codeWhen((input) => (typeof input === 'string' ? 'hook-script-not-map' : undefined)) },
	)
	.meta(bi('Un script à exécuter.', 'One script to run.'));

const eventScripts = z
	.array(script, { ...codeWhen(() => 'hook-event-not-list') })
	.nullable()
	.optional()
	.meta(bi('Liste de scripts, exécutés dans l’ordre.', 'List of scripts, run in order.'));

const hookShape = Object.fromEntries(SERVER_EVENTS.map((name) => [name, eventScripts])) as Record<
	(typeof SERVER_EVENTS)[number],
	typeof eventScripts
>;

const hooks = z
	.object(hookShape, { ...codeWhen((input) => (Array.isArray(input) ? 'hooks-list-on-server' : undefined)) })
	// The agent parses every event name (then never runs unknown ones), so unknown names are checked too...
	.catchall(eventScripts)
	// ...but editors should flag them: a misspelled event silently never runs.
	.meta({
		additionalProperties: false,
		...bi(
			'Événement du cycle de vie → liste de scripts. Les noms respectent la casse.',
			'Lifecycle event → list of scripts. Names are case-sensitive.',
		),
	})
	.nullable()
	.optional();

const file = z
	.object({
		source: z
			.string({ ...codeWhen((input) => (isMissing(input) ? 'files-source-missing' : undefined)) })
			.meta(bi('Chemin relatif à la racine de la révision.', 'Path relative to the revision root.')),
		destination: z
			.string({ ...codeWhen((input) => (isMissing(input) ? 'files-destination-missing' : undefined)) })
			.meta(
				bi(
					'Dossier absolu sur l’instance ; la source est copiée dedans.',
					'Absolute directory on the instance; the source is copied into it.',
				),
			),
	})
	.meta(bi('Une copie de fichiers.', 'One file copy.'));

const context = z
	.object({
		name: z
			.string()
			.nullable()
			.optional()
			.meta(
				bi(
					'Utilisateur SELinux (l’agent lit « name », pas « user »).',
					'SELinux user (the agent reads "name", not "user").',
				),
			),
		type: z
			.string({ ...codeWhen((input) => (isMissing(input) ? 'context-type-missing' : undefined)) })
			.meta(bi('Type SELinux, exigé par l’agent.', 'SELinux type, required by the agent.')),
		range: z
			.string()
			.nullable()
			.optional()
			.meta(bi('Plage MLS/MCS, par ex. s0-s1:c0.c5.', 'MLS/MCS range, e.g. s0-s1:c0.c5.')),
	})
	.meta(bi('Contexte SELinux.', 'SELinux context.'));

const permission = z
	.object({
		object: z
			.string({ ...codeWhen((input) => (isMissing(input) ? 'permission-object-missing' : undefined)) })
			.meta(
				bi('Fichier ou dossier installé sur l’instance.', 'File or directory installed on the instance.'),
			),
		pattern: z
			.string()
			.nullable()
			.optional()
			.meta(bi('Motif ("**" par défaut).', 'Pattern ("**" by default).')),
		except: z
			.array(z.string())
			.nullable()
			.optional()
			.meta(bi('Motifs exclus (enfants directs seulement).', 'Excluded patterns (direct children only).')),
		owner: z.string().nullable().optional().meta(bi('Propriétaire.', 'Owner.')),
		group: z.string().nullable().optional().meta(bi('Groupe.', 'Group.')),
		mode: z
			.union([z.string(), z.number()])
			.nullable()
			.optional()
			.meta(
				bi(
					'Chiffres octaux (1 à 4). Avec un zéro initial, mettez des guillemets : "0644".',
					'Octal digits (1 to 4). With a leading zero, quote it: "0644".',
				),
			),
		acls: z.array(z.string()).nullable().optional().meta(bi('Entrées setfacl.', 'setfacl entries.')),
		context: context.nullable().optional(),
		type: z
			.array(z.enum(['file', 'directory'], { ...codeWhen(() => 'permission-type-invalid') }))
			.nullable()
			.optional()
			.meta(bi('À quoi s’appliquer : file, directory.', 'What to apply to: file, directory.')),
	})
	.meta(bi('Permissions d’un objet (Linux seulement).', 'Permissions of one object (Linux only).'));

export const serverAppSpec = z
	.object({
		version: serverVersion,
		os,
		files: z.array(file).nullable().optional().meta(bi('Fichiers à copier.', 'Files to copy.')),
		permissions: z
			.array(permission)
			.nullable()
			.optional()
			.meta(bi('Permissions (Linux seulement).', 'Permissions (Linux only).')),
		hooks,
		file_exists_behavior: z
			.enum(['DISALLOW', 'OVERWRITE', 'RETAIN'], { ...codeWhen(() => 'file-exists-behavior-invalid') })
			.nullable()
			.optional()
			.meta(
				bi(
					'Si un fichier existe déjà : DISALLOW (échec, défaut), OVERWRITE, RETAIN.',
					'When a file already exists: DISALLOW (fail, default), OVERWRITE, RETAIN.',
				),
			),
	})
	.meta({
		title: 'AppSpec EC2/on-premises',
		...bi('AppSpec pour EC2 et serveurs sur site.', 'AppSpec for EC2 and on-premises servers.'),
	});

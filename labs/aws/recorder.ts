import { isAllowedOperation, type AwsService } from '../../src/lib/labs/allowlist.ts';

/** One command the checker actually sent (recorded before it leaves the client). */
export interface SentCommand {
	readonly service: AwsService;
	readonly operation: string;
}

/**
 * Records every command and refuses, before anything is sent, one that is not on the read-only allowlist. Tests
 * assert on `sent` (nothing outside the list, across every test path); production keeps the guard as a seatbelt.
 */
export class CommandRecorder {
	readonly sent: SentCommand[] = [];

	record(service: AwsService, commandName: string): void {
		const operation = commandName.replace(/Command$/, '');
		this.sent.push({ service, operation });
		if (!isAllowedOperation(service, operation))
			throw new Error(`Read-only guard: ${service}:${operation} is not on the lab checker's allowlist`);
	}
}

/** The global recorder tests inspect; every client built by clients.ts reports to it as well as to its own. */
export const globalRecorder = new CommandRecorder();

interface StackClient {
	middlewareStack: {
		add(
			middleware: (
				next: (args: unknown) => Promise<unknown>,
				context: { commandName?: string },
			) => (args: unknown) => Promise<unknown>,
			options: { step: 'initialize'; name: string; priority?: 'high' },
		): void;
	};
}

/** Installs the recording guard as the first middleware of an SDK client. */
export function installRecorder(
	client: { middlewareStack: unknown },
	service: AwsService,
	recorders: readonly CommandRecorder[],
): void {
	(client as unknown as StackClient).middlewareStack.add(
		(next, context) => async (args) => {
			const name = context.commandName ?? 'UnknownCommand';
			for (const recorder of recorders) recorder.record(service, name);
			try {
				return await next(args);
			} catch (error) {
				// Tag the error with the operation, so "cannot verify" names the exact call (and IAM action) refused.
				if (typeof error === 'object' && error !== null)
					Object.assign(error, { atelierOperation: name.replace(/Command$/, '') });
				throw error;
			}
		},
		{ step: 'initialize', name: 'atelierReadOnlyGuard', priority: 'high' },
	);
}

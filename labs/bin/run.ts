import { processIo } from '../cli/io.ts';
import type { CliIo } from '../cli/io.ts';

/** Runs a CLI entry point with the real process and exits with its code. Keeps every `bin` file to two lines. */
export async function run(cli: (argv: string[], io: CliIo) => Promise<number> | number): Promise<void> {
	try {
		process.exitCode = await cli(process.argv.slice(2), processIo());
	} catch (error) {
		// A CLI reports expected failures itself; reaching here is a bug, so show the stack.
		console.error(error);
		process.exitCode = 2;
	}
}

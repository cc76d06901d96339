/**
 * Commands are stored as argument lists (`['aws', 'iam', 'get-role', '--role-name', '{serviceRoleName}']`) and rendered
 * for bash or PowerShell, quoting each argument for that shell. Learners' values are validated first (params.ts), and
 * quoted anyway: a name with `=`, `,` or `@` is legal in IAM and means something to PowerShell.
 */
import { format } from '../i18n/localized.ts';

export type Shell = 'bash' | 'powershell';
export const SHELLS: readonly Shell[] = ['bash', 'powershell'];

const BASH_SAFE = /^[A-Za-z0-9_.,/:=+%@-]+$/;
// PowerShell gives meaning to , @ { } ( ) $ ; ` # ' " and a leading -; keep bare only what it passes through unchanged.
const POWERSHELL_SAFE = /^[A-Za-z0-9_./:=+%-]+$/;

export function quoteBash(value: string): string {
	if (value !== '' && BASH_SAFE.test(value)) return value;
	return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function quotePowerShell(value: string): string {
	if (value !== '' && POWERSHELL_SAFE.test(value)) return value;
	// Inside single quotes PowerShell treats only ' (and its typographic variants) specially: double them.
	return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

export function quote(value: string, shell: Shell): string {
	return shell === 'bash' ? quoteBash(value) : quotePowerShell(value);
}

/** Fills `{param}` placeholders in each argument, then quotes it for the shell. Flags (`--x`) are left as they are. */
export function renderCommand(
	argv: readonly string[],
	params: Readonly<Record<string, string>>,
	shell: Shell,
): string {
	return argv.map((arg) => quote(format(arg, params), shell)).join(' ');
}

/** A command that writes a lab file (JSON policy…) with its exact content, for the shell. */
export function renderFileCommand(name: string, content: string, shell: Shell): string {
	if (shell === 'bash') return `cat > ${quoteBash(name)} <<'EOF'\n${content.trimEnd()}\nEOF`;
	// A single-quoted here-string is literal. WriteAllText writes UTF-8 without a BOM (Windows PowerShell 5's
	// Set-Content would add one, or re-encode), and dropping CR keeps shell scripts runnable on Linux.
	const path = `"$PWD/${name.replace(/[^\w.-]/g, '_')}"`;
	return `[IO.File]::WriteAllText(${path}, (@'\n${content.trimEnd()}\n'@ -replace "\\r", ''))`;
}

/** Fills `{param}` placeholders in a file's content (values are validated names, safe inside JSON strings). */
export function renderFile(content: string, params: Readonly<Record<string, string>>): string {
	return format(content, params);
}

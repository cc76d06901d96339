import type { AppSpecCode } from './codes.ts';

export type Platform = 'server' | 'ecs' | 'lambda';
export type TargetOs = 'linux' | 'windows';
export type Severity = 'error' | 'warning' | 'info';

/** 1-based line, 1-based column counted in UTF-16 code units (as Monaco counts them). */
export interface Position {
	line: number;
	column: number;
}

/** `end` is exclusive. */
export interface Range {
	start: Position;
	end: Position;
}

export type DiagnosticParams = Readonly<Record<string, string | number>>;

/** A text replacement; the editor offers these as quick fixes. */
export interface TextEdit {
	range: Range;
	text: string;
}

export type FixTitleKey =
	'fix-quote-mode' | 'fix-rename-hook' | 'fix-unquote-version' | 'fix-replace-value' | 'fix-rename-key';

export interface Fix {
	/** Catalog key of the fix title (messages.ts), rendered with the diagnostic's params. */
	title: FixTitleKey;
	edits: TextEdit[];
}

export interface Diagnostic {
	code: AppSpecCode;
	severity: Severity;
	params: DiagnosticParams;
	range: Range;
	fix?: Fix;
}

export interface ValidateOptions {
	/** Detected from the document when absent. */
	platform?: Platform;
	/** The OS of the instances the agent runs on (EC2/on-premises only). */
	os?: TargetOs;
}

export interface ValidationResult {
	platform: Platform;
	/** The plain data the AWS parser would see (YAML 1.1, last duplicate key wins), when YAML parsing succeeded. */
	value?: unknown;
	diagnostics: Diagnostic[];
}

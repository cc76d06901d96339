import type { ParamError } from '../../src/lib/labs/params.ts';
import type { LabReport } from '../../src/lib/labs/report.ts';
import { CHECKS_BY_LAB, type LabId } from '../engine/catalog.ts';
import { LabUsageError, runLabCheck, type RunOptions } from '../engine/run.ts';
import type { RosterProblem, Student } from './roster.ts';

/** What happened to one student of the roster. Every student gets exactly one outcome, in roster order. */
export type StudentOutcome =
	| { readonly kind: 'checked'; readonly student: Student; readonly report: LabReport }
	| {
			readonly kind: 'assume-failed';
			readonly student: Student;
			readonly code: string;
			readonly message: string;
	  }
	| { readonly kind: 'invalid'; readonly student: Student; readonly problem: RosterProblem }
	| { readonly kind: 'params'; readonly student: Student; readonly errors: readonly ReportedParamError[] };

/** A lab-parameter problem of one student's row (codes of src/lib/labs/report.messages.ts). */
export interface ReportedParamError {
	readonly code: ParamError['code'] | Exclude<LabUsageError['code'], 'usage.params'>;
	readonly params: Readonly<Record<string, unknown>>;
}

export interface ClassReport {
	readonly lab: LabId;
	readonly startedAt: string;
	/** The lab's check ids, in the lab's order: the report's columns. */
	readonly checks: readonly string[];
	readonly outcomes: readonly StudentOutcome[];
}

export interface ClassOptions {
	readonly labId: LabId;
	readonly students: readonly Student[];
	/** Students checked at once (each check also bounds its own AWS calls). */
	readonly concurrency: number;
	/** Endpoint, profile, the instructor's credentials, language…; the role and ExternalId come from the roster. */
	readonly run: RunOptions;
	/** Lab parameters for every student (e.g. `region` from `--region`); roster columns win. */
	readonly defaults?: Readonly<Record<string, string>>;
	readonly onStudent?: (event: { done: number; total: number; outcome: StudentOutcome }) => void;
	readonly now?: () => Date;
}

function errorCode(error: unknown): { code: string; message: string } {
	if (error instanceof Error) return { code: error.name || 'Error', message: error.message };
	return { code: 'Error', message: String(error) };
}

async function checkStudent(options: ClassOptions, student: Student): Promise<StudentOutcome> {
	if (student.problem) return { kind: 'invalid', student, problem: student.problem };
	const params = { ...options.defaults, ...student.params, accountId: student.accountId };
	try {
		const report = await runLabCheck(options.labId, params, {
			...options.run,
			assumeRoleArn: student.roleArn,
			assumeRoleExternalId: student.externalId,
		});
		return { kind: 'checked', student, report };
	} catch (error) {
		if (error instanceof LabUsageError) {
			const errors: readonly ReportedParamError[] =
				error.code === 'usage.params' ? error.paramErrors : [{ code: error.code, params: error.params }];
			return { kind: 'params', student, errors };
		}
		// Parameters are validated before any call, and checks turn read errors into results: what is thrown here
		// comes from STS AssumeRole (refused, unknown role, wrong ExternalId, unreachable endpoint).
		return { kind: 'assume-failed', student, ...errorCode(error) };
	}
}

/** Checks every student of the roster, `concurrency` at a time, and keeps roster order in the report. */
export async function runClass(options: ClassOptions): Promise<ClassReport> {
	const startedAt = (options.now?.() ?? new Date()).toISOString();
	const total = options.students.length;
	const outcomes: StudentOutcome[] = new Array(total);
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < total) {
			const index = next++;
			const outcome = await checkStudent(options, options.students[index]!);
			outcomes[index] = outcome;
			options.onStudent?.({ done: ++done, total, outcome });
		}
	};
	const workers = Math.max(1, Math.min(options.concurrency, total));
	await Promise.all(Array.from({ length: workers }, worker));
	return {
		lab: options.labId,
		startedAt,
		checks: CHECKS_BY_LAB[options.labId].map((d) => d.id),
		outcomes,
	};
}

export const checkedCount = (report: ClassReport) =>
	report.outcomes.filter((o) => o.kind === 'checked').length;

/**
 * The lab checker's entry points, for the CLI (labs/cli/lab.ts) and the site's local endpoint:
 *
 * ```ts
 * const report = await runLabCheck('iam-setup', { bucket: 'my-bucket' }, { lang: 'fr', profile: serverProfile });
 * return Response.json(toJson(report, 'fr'), { status: 200 });
 * // LabUsageError → 400 with error.code / error.paramErrors (translate with src/lib/labs/report.messages.ts)
 * ```
 *
 * Pass only the lab id and the parameters from a browser: profile, endpoint and credentials are server-side choices.
 */
export { runLabCheck, LabUsageError, type RunOptions } from './run.ts';
export { LAB_IDS, isLabId, loadLab, type LabId } from './catalog.ts';
export {
	toJson,
	toText,
	toJunit,
	exitCodeFor,
	summarize,
	type LabReport,
} from '../../src/lib/labs/report.ts';

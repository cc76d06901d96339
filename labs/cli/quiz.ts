import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { translator, type Translate } from '../../src/lib/i18n/catalog.ts';
import { resolveQuiz, type ResolvedQuiz } from '../../src/lib/quiz/bank.ts';
import { QUESTION_TYPES } from '../../src/lib/quiz/schema.ts';
import { messages, type QuizMessageKey } from '../../src/lib/quiz/quiz.messages.ts';
import { toGift } from '../quiz/gift.ts';
import { indexLessons } from '../quiz/lessons.ts';
import { lintBank } from '../quiz/lint.ts';
import { checkBankFiles, readQuizFiles } from '../quiz/load.ts';
import { toMoodleXml } from '../quiz/moodle-xml.ts';
import { EXIT, langFromEnv, type CliIo } from './io.ts';

const QUIZ_DIR = 'content/quizzes';
const DOCS_DIR = 'src/content/docs';
const DEFAULT_SITE = 'http://127.0.0.1:4321';

/** `quiz lint` and `quiz export`: see README.md ("Grading rules"). */
export async function cli(argv: string[], io: CliIo): Promise<number> {
	const [command, ...rest] = argv;
	let parsed;
	try {
		parsed = parseArgs({
			args: rest,
			options: {
				format: { type: 'string' },
				lang: { type: 'string' },
				quiz: { type: 'string', multiple: true },
				out: { type: 'string' },
				site: { type: 'string' },
				dir: { type: 'string' },
				docs: { type: 'string' },
			},
			strict: true,
			allowPositionals: false,
		});
	} catch (error) {
		const t = translator(messages, langFromEnv(undefined, io.env));
		io.stderr(`${t('badFlag', { detail: (error as Error).message })}\n${t('usage')}\n`);
		return EXIT.usage;
	}
	const { values } = parsed;
	const lang = langFromEnv(values.lang, io.env);
	const t = translator(messages, lang);
	if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') {
		io.stderr(`${t('badFlag', { detail: `--lang ${values.lang}` })}\n`);
		return EXIT.usage;
	}
	const dir = resolve(io.cwd, values.dir ?? QUIZ_DIR);
	if (command === 'lint') return lint(io, t, dir, resolve(io.cwd, values.docs ?? DOCS_DIR), values.format);
	if (command === 'stats') return stats(io, dir, values.format);
	if (command === 'export') {
		const site = values.site ?? io.env['SITE'] ?? DEFAULT_SITE;
		return exportBank(io, t, {
			dir,
			lang,
			format: values.format,
			quizIds: values.quiz ?? [],
			out: values.out,
			site,
		});
	}
	io.stderr(`${command ? `${t('unknownCommand', { command })}\n` : ''}${t('usage')}\n`);
	return EXIT.usage;
}

function lint(
	io: CliIo,
	t: Translate<QuizMessageKey>,
	dir: string,
	docs: string,
	format: string | undefined,
): number {
	if (format !== undefined && format !== 'text' && format !== 'json') {
		io.stderr(`${t('badFlag', { detail: `--format ${format}` })}\n`);
		return EXIT.usage;
	}
	const files = readQuizFiles(dir);
	const findings = lintBank(files, indexLessons(docs));
	const shown = findings.map((f) => ({ ...f, file: relative(io.cwd, f.file) }));
	if (format === 'json') {
		io.stdout(`${JSON.stringify({ findings: shown }, null, 2)}\n`);
	} else if (findings.length === 0) {
		const questions = files.reduce(
			(sum, f) => sum + (f.result.ok ? (f.result.quiz.questions?.length ?? 0) : 0),
			0,
		);
		io.stdout(`${t('lintOk', { files: files.length, questions })}\n`);
	} else {
		for (const f of shown) {
			const text = t(`finding.${f.code}` as QuizMessageKey, { detail: f.message });
			io.stdout(`${f.file}:${f.line}:${f.column}${f.field ? ` ${f.field}` : ''}: ${text} [${f.code}]\n`);
		}
		io.stdout(`${t('lintSummary', { count: findings.length })}\n`);
	}
	return findings.length > 0 ? EXIT.findings : EXIT.ok;
}

/** Question counts per quiz and type, as a Markdown table (or JSON): the numbers the course notes quote. */
function stats(io: CliIo, dir: string, format: string | undefined): number {
	const { errors, bank } = checkBankFiles(readQuizFiles(dir));
	if (errors.length > 0) {
		for (const e of errors)
			io.stderr(`${relative(io.cwd, e.file)}:${e.line}:${e.column} ${e.field}: ${e.message}\n`);
		return EXIT.findings;
	}
	const rows = [...bank.quizzes.values()]
		.filter((quiz) => quiz.questions)
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((quiz) => ({
			quiz: quiz.id,
			counts: Object.fromEntries(
				QUESTION_TYPES.map((type) => [type, quiz.questions?.filter((q) => q.type === type).length ?? 0]),
			),
			total: quiz.questions?.length ?? 0,
		}));
	if (format === 'json') {
		io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
		return EXIT.ok;
	}
	const total = (type: string) => rows.reduce((sum, row) => sum + (row.counts[type] ?? 0), 0);
	const lines = [
		`| quiz | ${QUESTION_TYPES.join(' | ')} | total |`,
		`|---|${QUESTION_TYPES.map(() => '---:').join('|')}|---:|`,
		...rows.map(
			(row) => `| ${row.quiz} | ${QUESTION_TYPES.map((t) => row.counts[t]).join(' | ')} | ${row.total} |`,
		),
		`| **all** | ${QUESTION_TYPES.map(total).join(' | ')} | ${rows.reduce((sum, row) => sum + row.total, 0)} |`,
	];
	io.stdout(`${lines.join('\n')}\n`);
	return EXIT.ok;
}

interface ExportRequest {
	readonly dir: string;
	readonly lang: 'fr' | 'en';
	readonly format: string | undefined;
	readonly quizIds: readonly string[];
	readonly out: string | undefined;
	readonly site: string;
}

function exportBank(io: CliIo, t: Translate<QuizMessageKey>, request: ExportRequest): number {
	if (request.format !== 'moodle-xml' && request.format !== 'gift') {
		io.stderr(`${t('badFormat', { format: request.format ?? '' })}\n${t('usage')}\n`);
		return EXIT.usage;
	}
	const { errors, bank } = checkBankFiles(readQuizFiles(request.dir));
	if (errors.length > 0) {
		for (const e of errors)
			io.stderr(`${relative(io.cwd, e.file)}:${e.line}:${e.column} ${e.field}: ${e.message}\n`);
		return EXIT.findings;
	}
	// By default only authored quizzes: a drawn test (the final) would repeat their questions. Ask for it by id.
	const authored = [...bank.quizzes.values()].filter((quiz) => quiz.questions).map((quiz) => quiz.id);
	const ids = request.quizIds.length > 0 ? request.quizIds : authored.sort();
	const unknown = ids.find((id) => !bank.quizzes.has(id));
	if (unknown) {
		io.stderr(`${t('unknownQuiz', { id: unknown })}\n`);
		return EXIT.usage;
	}
	const quizzes: ResolvedQuiz[] = ids.map((id) => resolveQuiz(bank, id));
	const options = { lang: request.lang, siteUrl: request.site, category: 'Atelier CodeDeploy' };
	const { text, skipped } =
		request.format === 'gift'
			? (({ gift, skipped: s }) => ({ text: gift, skipped: s }))(toGift(quizzes, options))
			: (({ xml, skipped: s }) => ({ text: xml, skipped: s }))(toMoodleXml(quizzes, options));
	if (skipped.length > 0)
		io.stderr(`${t('exportSkipped', { format: request.format, ids: skipped.join(', ') })}\n`);
	if (request.out) {
		writeFileSync(resolve(io.cwd, request.out), text);
		io.stderr(`${t('exportWritten', { count: quizzes.length, file: request.out })}\n`);
	} else {
		io.stdout(text);
	}
	return EXIT.ok;
}

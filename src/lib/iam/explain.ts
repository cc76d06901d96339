import type { Lang } from '../i18n/localized.ts';
import { translator } from '../i18n/catalog.ts';
import { messages } from './messages.ts';
import type { Evaluation, PendingCondition, PolicyDiagnostic, Request, StatementRef } from './types.ts';

export type IamMessageKey = keyof (typeof messages)['en'];

/** The message key and parameters for an evaluation, for callers that render text themselves. */
export function evaluationMessage(
	request: Request,
	evaluation: Evaluation,
): { key: IamMessageKey; params: Record<string, unknown> } {
	if (evaluation.deniedByBoundary) return { key: 'decision.boundary', params: { action: request.action } };
	return {
		key: `decision.${evaluation.decision}`,
		params: {
			action: request.action,
			resource: request.resource,
			...(evaluation.statement && { statementRef: evaluation.statement }),
			...(evaluation.conditions && { conditionList: evaluation.conditions }),
		},
	};
}

/** One sentence explaining an evaluation in `lang`, naming the statement that decided and pending conditions. */
export function explainEvaluation(request: Request, evaluation: Evaluation, lang: Lang): string {
	const t = translator(messages, lang);
	const { key, params } = evaluationMessage(request, evaluation);
	return t(key, {
		...params,
		statement: evaluation.statement ? describeStatement(evaluation.statement, lang) : '',
		conditions: describeConditions(evaluation.conditions ?? [], lang),
	});
}

export function describeStatement(ref: StatementRef, lang: Lang): string {
	const t = translator(messages, lang);
	const params = { policy: ref.policy, number: ref.index + 1, sid: ref.sid };
	return t(ref.sid ? 'statement.ref-sid' : 'statement.ref', params);
}

export function describeConditions(conditions: readonly PendingCondition[], lang: Lang): string {
	const t = translator(messages, lang);
	return conditions
		.map((c) => t('condition.one', { key: c.key, operator: c.operator, values: c.values.join(' | ') }))
		.join(t('condition.and'));
}

export function describeDiagnostic(diagnostic: PolicyDiagnostic, lang: Lang): string {
	return translator(messages, lang)(diagnostic.code, diagnostic.params);
}

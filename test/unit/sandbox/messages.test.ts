import { describe, expect, it } from 'vitest';
import { messages } from '../../../labs/sandbox/sandbox.messages.ts';
import { isKnownServicePrincipal } from '../../../labs/sandbox/validate.ts';

describe('sandbox CLI messages', () => {
	it('have the same keys in French and English, all non-empty and translated', () => {
		expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.fr).sort());
		for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
			expect(messages.fr[key].trim(), key).not.toBe('');
			expect(messages.fr[key], key).not.toBe(messages.en[key]);
			const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			expect(placeholders(messages.fr[key]), key).toEqual(placeholders(messages.en[key]));
		}
	});
});

describe('service principals accepted in trust policies', () => {
	it('accepts real services, global or regional, and refuses typos and unknown regions', () => {
		for (const ok of [
			'codedeploy.amazonaws.com',
			'codedeploy.eu-west-3.amazonaws.com',
			'ec2.amazonaws.com',
			'ec2.amazonaws.com.cn',
		])
			expect(isKnownServicePrincipal(ok), ok).toBe(true);
		for (const bad of [
			'codedepoly.amazonaws.com',
			'codedeploy.amazonaws.co',
			'codedeploy.mars-west-1.amazonaws.com',
			'ec2',
			'',
		])
			expect(isKnownServicePrincipal(bad), bad).toBe(false);
	});
});

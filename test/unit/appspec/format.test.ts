import { describe, expect, it } from 'vitest';
import {
	APPSPEC_CODES,
	formatDiagnostic,
	fixTitle,
	messages,
	validateAppSpec,
} from '../../../src/lib/appspec/index.ts';
import { yaml } from './helpers.ts';

describe('messages and formatting', () => {
	it('every code has a message in both languages', () => {
		for (const code of APPSPEC_CODES) {
			expect(messages.fr[code], code).toBeTruthy();
			expect(messages.en[code], code).toBeTruthy();
		}
	});

	it('quotes the agent in both languages for EC2 errors', () => {
		const [d] = validateAppSpec(yaml("version: '0.0'", 'os: linux')).diagnostics;
		if (!d) throw new Error('expected a diagnostic');
		expect(formatDiagnostic(d, 'en')).toMatch(
			/^version "0\.0" is quoted.*\nAgent: «The deployment failed because an invalid version value \(0\.0\)/s,
		);
		expect(formatDiagnostic(d, 'fr')).toMatch(
			/^version « 0\.0 » entre guillemets.*\nAgent : « The deployment failed/s,
		);
	});

	it('does not quote the agent for ECS or Lambda', () => {
		const src =
			'{"version": "1.0", "Resources": [{"f": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "n", "Alias": "a", "CurrentVersion": "1", "TargetVersion": "2"}}}]}';
		const [d] = validateAppSpec(src).diagnostics;
		expect(d?.code).toBe('version-invalid');
		expect(d?.params['agentMessage']).toBeUndefined();
	});

	it('adds the suggestion and titles fixes', () => {
		const d = validateAppSpec(
			yaml('version: 0.0', 'os: linux', 'hooks:', '  BeforeInstal: []'),
		).diagnostics.find((x) => x.code === 'hook-unknown-name');
		if (!d?.fix) throw new Error('expected a fix');
		expect(formatDiagnostic(d, 'en')).toContain('Did you mean "BeforeInstall"?');
		expect(fixTitle(d.fix, 'fr')).toBe('Renommer en BeforeInstall');
	});

	it('names platforms the AWS way in messages', () => {
		const d = validateAppSpec(yaml('version: 0.0', 'Resources: []', 'hooks: []'), {
			platform: 'lambda',
		}).diagnostics.find((x) => x.code === 'key-unknown');
		if (!d) throw new Error('expected key-unknown');
		expect(formatDiagnostic(d, 'en')).toContain('on the Lambda platform');
	});
});

describe('quick fixes in JSON AppSpecs', () => {
	it('keep the quotes, so the document stays JSON', () => {
		const src = '{"version": 0.0, "os": "Linux", "hooks": {"BeforeInstal": []}}';
		const fixes = validateAppSpec(src)
			.diagnostics.map((d) => d.fix?.edits[0]?.text)
			.filter(Boolean);
		expect(fixes.sort()).toEqual(['"BeforeInstall"', '"linux"']);
	});
});

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
	{ ignores: ['dist/', '.astro/', 'node_modules/', 'bench-results/', 'test-results/', 'public/schemas/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
	{
		// The pure core (DESIGN.md): no Astro, DOM, Node, Monaco or AWS SDK, so the browser, the CLIs and the
		// tests all run the same code. The tsconfig for src/lib also has no DOM or Node types.
		files: ['src/lib/**/*.ts'],
		languageOptions: { globals: {} },
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['node:*'], message: 'src/lib is pure: no Node built-ins.' },
						{ group: ['astro', 'astro:*', '@astrojs/*'], message: 'src/lib is pure: no Astro.' },
						{
							group: ['monaco-editor', 'monaco-editor/*', 'monaco-yaml'],
							message: 'src/lib is pure: no Monaco.',
						},
						{
							group: ['@aws-sdk/*', '@smithy/*'],
							message: 'src/lib is pure: only labs/aws imports the AWS SDK.',
						},
						{
							group: ['**/components/**', '**/labs/**', '**/pages/**'],
							message: 'Dependencies point into src/lib, never out of it.',
						},
					],
				},
			],
		},
	},
	{
		// Only labs/aws may talk to AWS (DESIGN.md).
		files: ['src/**/*.{ts,astro}', 'labs/**/*.ts'],
		ignores: ['labs/aws/**', 'src/lib/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['@aws-sdk/*'], message: 'Only labs/aws imports the AWS SDK.' }] },
			],
		},
	},
);

import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// Pure modules run in Node (ingest) and in the browser (import worker) alike.
const pureBoundary = {
	patterns: [
		{ group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'pure module: no Node APIs' },
		{ group: ['$app/*', '$lib/db/*', '**/db/*'], message: 'pure module: no app or db imports' }
	]
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/lib/{schema,extract,validate,format,read}/**/*.ts'],
		languageOptions: { globals: {} },
		rules: { 'no-restricted-imports': ['error', pureBoundary] }
	},
	{ rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
	{
		ignores: [
			'build/',
			'build-portal*/',
			'.svelte-kit/',
			'static/datasets/',
			'node_modules/',
			'bench-out/',
			'test-results/'
		]
	}
);

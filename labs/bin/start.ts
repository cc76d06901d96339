/**
 * `npm start`: builds the course (unless --no-build) and serves it with its local lab-check endpoint on
 * http://127.0.0.1:4321 (PORT or --port to change the port; the host is always loopback).
 * `--profile P` and `--region R` choose the AWS profile and the default lab region of the lab-check endpoint (the
 * browser can never choose them); they reach the server process as ATELIER_LAB_PROFILE / ATELIER_LAB_REGION.
 */
import { parseArgs } from 'node:util';
import { defaultOutDir } from '../site/paths.ts';
import { buildSite, serveSite } from '../site/server.ts';

const { values } = parseArgs({
	options: {
		'no-build': { type: 'boolean', default: false },
		port: { type: 'string', default: process.env['PORT'] ?? '4321' },
		profile: { type: 'string' },
		region: { type: 'string' },
	},
	allowPositionals: false,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
	console.error(`--port: expected a port number, got "${values.port}"`);
	process.exit(2);
}
if (values.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(values.region)) {
	console.error(`--region: expected an AWS Region such as eu-west-3, got "${values.region}"`);
	process.exit(2);
}
if (!values['no-build']) {
	console.error('Building the course… / Construction du cours…');
	await buildSite();
}
const labEnv: Record<string, string> = {
	...(values.profile !== undefined && { ATELIER_LAB_PROFILE: values.profile }),
	...(values.region !== undefined && { ATELIER_LAB_REGION: values.region }),
};
const site = await serveSite(port, defaultOutDir, labEnv);
site.process.stdout?.pipe(process.stdout);
site.process.stderr?.pipe(process.stderr);
console.error(`\nAtelier CodeDeploy: ${site.url}/fr/ (français) · ${site.url}/en/ (English)\n`);
const stop = () => void site.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/**
 * `npm start`: builds the course (unless --no-build) and serves it with its local lab-check endpoint on
 * http://127.0.0.1:4321 (PORT or --port to change the port; the host is always loopback).
 */
import { parseArgs } from 'node:util';
import { buildSite, serveSite } from '../site/server.ts';

const { values } = parseArgs({
	options: {
		'no-build': { type: 'boolean', default: false },
		port: { type: 'string', default: process.env['PORT'] ?? '4321' },
	},
	allowPositionals: false,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
	console.error(`--port: expected a port number, got "${values.port}"`);
	process.exit(2);
}
if (!values['no-build']) {
	console.error('Building the course… / Construction du cours…');
	await buildSite();
}
const site = await serveSite(port);
site.process.stdout?.pipe(process.stdout);
site.process.stderr?.pipe(process.stderr);
console.error(`\nAtelier CodeDeploy: ${site.url}/fr/ (français) · ${site.url}/en/ (English)\n`);
const stop = () => void site.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/**
 * The local lab-check endpoint, served only by `npm start` (127.0.0.1). A static copy of the site has no such
 * route: the page's button then explains how to run the same check with the CLI.
 */
import type { APIRoute } from 'astro';
import { handleLabCheck, labCheckConfigFromEnv } from '../../../../../labs/site/lab-check.ts';

export const prerender = false;

export const ALL: APIRoute = ({ request, params }) =>
	handleLabCheck(request, params['lab'], labCheckConfigFromEnv(process.env));

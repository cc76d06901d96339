import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
	ADMIN_PREFIX,
	createRootKey,
	createStudentAccount as createAccountIn,
	handleAdmin,
	restoreInto,
} from './admin.ts';
import { AwsError } from './errors.ts';
import { hostId, requestId } from './ids.ts';
import { authenticate, errorReply, protocolOf, s3Payload, type Protocol, type Reply } from './protocol.ts';
import { handleQuery } from './query-service.ts';
import { s3Address } from './s3/address.ts';
import { handleS3 } from './s3/index.ts';
import { headerMap, parseAuthorization, type IncomingSigned } from './sigv4.ts';
import { adminCredentials, BOOTSTRAP_ACCOUNT, type AdminCredentials } from './state.ts';
import { loadState, removeServerInfo, saveState, writeServerInfo } from './store.ts';

export { readServerInfo } from './store.ts';

export interface SandboxOptions {
	/** 0 picks a free port (tests). Default 4566. */
	readonly port?: number;
	readonly stateDir: string;
	/** Added before every response, to measure the lab checker against a slow network (benchmarks). */
	readonly latencyMs?: number;
	/** One line per request (method, service, operation, status). */
	readonly log?: (line: string) => void;
	/** Write `server.json` in the state directory so `account create` reaches this process (the CLI sets it). */
	readonly advertise?: boolean;
}

export interface RunningSandbox {
	readonly url: string;
	readonly port: number;
	readonly stateDir: string;
	/** The bootstrap `admin` user of account 000000000000. */
	readonly credentials: AdminCredentials;
	/** Creates another account (instructor-mode tests) and returns its admin keys. */
	createAccount(accountId: string): AdminCredentials;
	/** Gives the account root access keys (staging mistake M11) and returns them. */
	createRootKey(accountId?: string): AdminCredentials;
	/** The whole state as JSON, e.g. a correct lab setup that mistake variants start from. */
	snapshot(): string;
	/** Puts a snapshot back (keys included), saved at once. */
	restore(snapshot: string): void;
	stop(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY) request.destroy(new Error('body too large'));
			else chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function queryAction(signed: IncomingSigned): string {
	return (
		new URLSearchParams(signed.body.toString('utf8')).get('Action') ??
		new URLSearchParams(signed.rawQuery).get('Action') ??
		'?'
	);
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
	const stateDir = options.stateDir;
	const state = loadState(stateDir);
	const save = () => saveState(stateDir, state);

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const id = requestId();
		const body = await readBody(request);
		const rawUrl = request.url ?? '/';
		const q = rawUrl.indexOf('?');
		const signed: IncomingSigned = {
			method: request.method ?? 'GET',
			rawPath: q < 0 ? rawUrl : rawUrl.slice(0, q),
			rawQuery: q < 0 ? '' : rawUrl.slice(q + 1),
			rawHeaders: request.rawHeaders,
			body,
		};
		let reply: Reply;
		let label = '';
		if (signed.rawPath.startsWith(ADMIN_PREFIX)) {
			reply = handleAdmin(state, signed, save);
			label = `admin ${signed.rawPath}`;
		} else {
			let protocol: Protocol = 's3';
			let service = 's3';
			try {
				const auth = parseAuthorization(signed);
				protocol = protocolOf(auth, signed);
				service = auth?.service ?? (protocol === 'query' ? 'iam' : 's3');
				const caller = authenticate(state, protocol, auth, signed);
				// Unsigned (anonymous) S3 requests name no region: they are answered wherever the bucket is.
				const region = auth?.region ?? '';
				if (protocol === 'query') {
					const result = handleQuery(state, caller, service, signed, region, id);
					label = `${service} ${result.action}`;
					if (result.changed) save();
					reply = {
						status: 200,
						headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': id },
						body: result.xml,
					};
				} else {
					const address = s3Address(request.headers.host ?? '', signed.rawPath);
					const result = handleS3({
						method: signed.method,
						...address,
						query: new URLSearchParams(signed.rawQuery),
						headers: headerMap(signed.rawHeaders),
						body: s3Payload(auth, signed, caller),
						region,
						caller,
						state,
					});
					label = `s3 ${signed.method} /${address.bucket ?? ''}${address.key ? `/${address.key}` : ''}`;
					if (result.changed) save();
					reply = {
						status: result.status,
						headers: { 'x-amz-request-id': id, 'x-amz-id-2': hostId(), ...result.headers },
						...(result.body !== undefined && signed.method !== 'HEAD' && { body: result.body }),
					};
				}
			} catch (error) {
				if (!(error instanceof AwsError)) throw error;
				label ||= `${service} ${protocol === 'query' ? queryAction(signed) : `${signed.method} ${signed.rawPath}`}`;
				reply = errorReply(protocol, service, error, id, signed.method);
				label += ` ${error.code}`;
			}
		}
		if (options.latencyMs) await delay(options.latencyMs);
		options.log?.(`${reply.status} ${label}`);
		const payload =
			reply.body === undefined
				? undefined
				: Buffer.isBuffer(reply.body)
					? reply.body
					: Buffer.from(reply.body);
		const headers: Record<string, string> = { ...reply.headers };
		if (payload && headers['Content-Length'] === undefined)
			headers['Content-Length'] = String(payload.length);
		if (!payload && signed.method !== 'HEAD') headers['Content-Length'] = '0';
		response.writeHead(reply.status, headers);
		response.end(payload);
	}

	const server: Server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			options.log?.(
				`500 internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
			);
			if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
			response.end('Internal sandbox error');
		});
	});
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 4566, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;
	// Several in-process sandboxes may share a directory in tests; only the CLI's one is advertised.
	if (options.advertise) writeServerInfo(stateDir, { url, port, pid: process.pid });
	const credentials = adminCredentials(state);
	if (!credentials) throw new Error('The sandbox state has no admin user: run `npm run sandbox -- reset`.');
	return {
		url,
		port,
		stateDir,
		credentials,
		createAccount: (accountId) => {
			const created = createAccountIn(state, accountId);
			save();
			return created;
		},
		createRootKey: (accountId = BOOTSTRAP_ACCOUNT) => {
			const created = createRootKey(state, accountId);
			save();
			return created;
		},
		snapshot: () => JSON.stringify(state),
		restore: (snapshot) => {
			restoreInto(state, snapshot);
			save();
		},
		stop: () =>
			new Promise<void>((resolve) => {
				if (options.advertise) removeServerInfo(stateDir);
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

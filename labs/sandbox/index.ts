/**
 * The local practice account: IAM, STS and S3 as the labs use them, on 127.0.0.1, accepted by the real AWS CLI
 * and SDK. `startSandbox({ port: 0, stateDir })` runs it in process (tests, benchmarks); `npm run sandbox` runs it
 * from the command line (labs/cli/sandbox.ts).
 */
export { startSandbox, type RunningSandbox, type SandboxOptions } from './server.ts';
export { defaultStateDir, loadState, readServerInfo, resetState, saveState } from './store.ts';
export { BOOTSTRAP_ACCOUNT, type AdminCredentials } from './state.ts';
export { ADMIN_PREFIX, ADMIN_TOKEN_HEADER } from './admin.ts';
export { practiceAccountTarget, DEFAULT_PORT, type PracticeAccountTarget } from './target.ts';

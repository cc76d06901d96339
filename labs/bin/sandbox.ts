import { run } from './run.ts';
import { cli } from '../cli/sandbox.ts';
await run(cli);

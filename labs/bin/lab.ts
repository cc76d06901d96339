import { run } from './run.ts';
import { cli } from '../cli/lab.ts';
await run(cli);

import { run } from './run.ts';
import { cli } from '../cli/simulate.ts';
await run(cli);

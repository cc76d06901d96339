import { run } from './run.ts';
import { cli } from '../cli/appspec.ts';
await run(cli);

import { run } from './run.ts';
import { cli } from '../cli/quiz.ts';
await run(cli);

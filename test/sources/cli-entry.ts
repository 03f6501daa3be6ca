// Runs the CLI from the TypeScript sources (through tsx), so that spawned-process tests do
// not depend on a fresh `npm run build`.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);

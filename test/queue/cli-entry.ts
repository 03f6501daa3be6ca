// Runs the CLI from the TypeScript sources (through tsx), so that the worker and fault tests
// spawn real `veille` processes without depending on a fresh `npm run build`.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);

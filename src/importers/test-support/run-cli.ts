/** Runs the CLI from source, for tests that spawn a real `parley` process (the kill test). */
import { main } from '../../cli/main.js';

process.exitCode = await main(process.argv);

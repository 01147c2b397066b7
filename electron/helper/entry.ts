// The elevated helper's entry point under plain Node (the CLI's `web` and `fix`, the Wine tier); the desktop
// app starts the same helper from its own binary (main.ts, --fix-helper).
import { runHelper } from './helper-main.js';

process.exitCode = await runHelper(process.argv.slice(2));

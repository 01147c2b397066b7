// npm test's checks that read the sources without running them - the types, the linters, the Electron
// security scan - run side by side: each is one process on one core (tsc, eslint and prettier, and
// electronegativity do not share out their work), so on two cores the three take the time of the longest
// rather than their sum (about 55 s one after another here, 30 s together). Each one's output is printed
// whole when it ends, so that two never interleave; the exit status is the first failure's, or 0.
import { spawn } from 'node:child_process';

const SCRIPTS = ['typecheck', 'lint', 'security'];
// npm sets npm_execpath to its own CLI when it runs a script: started with this Node, as an argument
// array (never a shell string), it runs the same npm on any platform.
const npm = process.env.npm_execpath;
if (!npm) {
  console.error('Run this through npm ("npm test"): it starts the package scripts typecheck, lint and security.');
  process.exit(2);
}

/** Runs one package script, its output kept until it ends; resolves with its exit status. */
function run(script) {
  return new Promise((resolve) => {
    // No script here takes more than a few minutes; one that hangs fails the run rather than holding it.
    const child = spawn(process.execPath, [npm, 'run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10 * 60 * 1000,
      killSignal: 'SIGKILL',
    });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${script} could not start: ${error.message}\n`)));
    child.on('close', (code, signal) => {
      process.stdout.write(`\n== npm run ${script}: ${code === 0 ? 'passed' : `failed (${signal ?? `exit ${code}`})`}\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code ?? 1);
    });
  });
}

const statuses = await Promise.all(SCRIPTS.map(run));
process.exit(statuses.find((status) => status !== 0) ?? 0);

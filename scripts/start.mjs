// `npm start`: builds the front ends and the server bundle when they are missing or older than
// their sources and the build tools are installed, then runs the server bundle in this process.
// Plain Node, so it works before anything is compiled and in a production install, which has
// no build tools: there it runs the build it finds, or says what to do when there is none.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildState, cannotBuild, pages, root, server } from './build-state.mjs';

for (const target of [pages, server]) {
  const state = buildState(target);
  if (state.state === 'fresh') continue;
  if (!state.haveSources || !state.haveTool) {
    console.error(cannotBuild(target, state));
    process.exit(1);
  }
  console.log(`Building ${target.what}…`);
  const built = spawnSync(process.execPath, target.command, { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// Under `npm start` the chain is npm → sh → node. npm passes SIGTERM and SIGINT to the shell,
// which (dash) dies of SIGTERM without passing it on; SIGHUP kills npm and leaves the shell.
// Either way the server would run on, its port and data folder held, with nobody to stop it.
// So when the process that started us, or the npm above that shell, goes away, stop as if
// signalled: the server's SIGTERM handler closes cleanly and frees the lock. Only under a
// package manager: `nohup node scripts/start.mjs &` must outlive its shell.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  const launcher = shellParent(parent);
  const watch = setInterval(() => {
    if (process.ppid === parent && (launcher === null || alive(launcher))) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 250).unref();
}

/** The parent of `pid` when `pid` is a shell (Linux `/proc`); null otherwise or elsewhere. */
function shellParent(pid) {
  try {
    if (!/^(sh|dash|bash|ash|zsh)$/.test(readFileSync(`/proc/${pid}/comm`, 'utf8').trim()))
      return null;
    // `pid (comm) state ppid …`: the comm may hold spaces, so read after its closing paren.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

// In this process rather than a child: one Node start less. The server handles its signals.
await import(pathToFileURL(path.join(root, server.stamp)).href);

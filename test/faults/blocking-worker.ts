/**
 * Child process for the SIGKILL test (worker-killed.test.ts). Usage:
 *   node --import tsx test/faults/blocking-worker.ts URL COMMITS
 * A real worker (startWorker, one job at a time) whose store commits COMMITS documents, then,
 * inside the next document's transaction just before COMMIT, prints `mid DOC_ID` and blocks
 * until killed — a worker dying in the middle of a job, its transaction open.
 */
import { writeSync } from 'node:fs';
import { openQueue } from '../../src/queue/boss.js';
import { startWorker } from '../../src/queue/worker.js';
import { openPostgresStore } from '../../src/store/postgres/store.js';

const [url, commitsArg] = process.argv.slice(2);
if (!url || !commitsArg) throw new Error('usage: blocking-worker.ts URL COMMITS');
const commits = Number(commitsArg);
let written = 0;
const store = await openPostgresStore(url, {
  beforeCommit(record) {
    if (written++ < commits) return;
    writeSync(1, `mid ${record.doc.id}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
const queue = await openQueue(url);
startWorker({ boss: queue.boss, store, concurrency: 1, pollSeconds: 0.2 });
writeSync(1, 'started\n');

/**
 * Child process for the SIGKILL test (test/store/sqlite.test.ts). Usage:
 *   node --import tsx test/store/kill-child.ts DB COUNT
 * Prints `big ID` (the large record's id), stores COUNT small records (printing
 * `committed COUNT`), then starts one large write and, inside its transaction just before
 * commit, prints `mid` and blocks until killed. `wal N` lines give the WAL file's size after
 * the small records and in the middle of the large one (uncommitted pages spill into it).
 */
import { existsSync, statSync, writeSync } from 'node:fs';
import type { AnalysisRecord, Entity } from '../../src/core/record.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';
import { bulletins, makeRecord } from './records.js';

const [dbPath, countArg] = process.argv.slice(2);
if (!dbPath || !countArg) throw new Error('usage: kill-child.ts DB COUNT');
const count = Number(countArg);

/** About 3.4 MB of invented text and 20,000 entity mentions: far more than SQLite's page cache holds. */
function largeRecord(): AnalysisRecord {
  const parts: string[] = [];
  const entities: Entity[] = [];
  let offset = 0;
  for (let i = 0; i < 20_000; i++) {
    const name = `Station ${i}`;
    const sentence = `La ${name} relève ${i % 97} millimètres de pluie au poste numéro ${i * 7}, `
      + `et le service des eaux note un débit de ${(i * 13) % 500} mètres cubes par seconde dans le canal ${i % 41}. `;
    const start = offset + 3;
    entities.push({ id: `e${i + 1}`, type: 'LOC', name, kb: null, country: null, sector: null, roles: [],
      mentions: [{ start, end: start + name.length, text: name }] });
    parts.push(sentence);
    offset += sentence.length;
  }
  const base = makeRecord({ text: parts.join(''), title: 'Relevés', date: '2024-04-01', origin: 'bulk/releves.txt' });
  return { ...base, entities };
}

const walBytes = (): number => (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
const big = largeRecord();
writeSync(1, `big ${big.doc.id}\n`);
const store = await openSqliteStore(dbPath, {
  beforeCommit(record) {
    if (record.doc.id !== big.doc.id) return;
    writeSync(1, `wal ${walBytes()}\nmid\n`);
    // Block inside the open transaction until the parent kills us.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
for (const record of bulletins(count)) await store.putAnalysis(record);
writeSync(1, `committed ${count}\nwal ${walBytes()}\n`);
await store.putAnalysis(big);
writeSync(1, 'not killed\n');

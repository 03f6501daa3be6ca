import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

/** An invented actor no shipped KB file knows. */
const TEXT = 'La ministre Albertine Quenelleau a démenti mardi. Quenelleau a ensuite rencontré des élus à Lyon.';

describe('veille kb (a user KB directory, as an analyst adds an actor)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'veille-kb-'));
  const env = { VEILLE_KB_DIR: join(dir, 'kb') };
  const doc = join(dir, 'news.txt');
  writeFileSync(doc, TEXT);
  // VEILLE_KB_DIR names an existing directory (a missing one is an error: kb/README.md)
  mkdirSync(env.VEILLE_KB_DIR);

  test('kb add writes the entry; analyze then links the actor with its country and sector', async () => {
    const before = await runCli(['analyze', doc, '--json'], { env });
    assert.equal(before.code, 0, before.stderr);
    const unknown = (JSON.parse(before.stdout) as { entities: { name: string; kb: string | null }[] }).entities.find((e) => e.name.includes('Quenelleau'));
    assert.equal(unknown?.kb ?? null, null);

    const add = await runCli(['kb', 'add', '--type', 'PER', '--name', 'Albertine Quenelleau', '--alias', 'A. Quenelleau', '--country', 'FRA', '--sector', 'GOV', '--from', '2020-01-01'], { env });
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /added veille:user\/albertine-quenelleau/);
    const file = JSON.parse(readFileSync(join(dir, 'kb', 'user.json'), 'utf8')) as { entries: { id: string; names: { any: string[] } }[] };
    assert.deepEqual(file.entries[0]?.names.any, ['Albertine Quenelleau', 'A. Quenelleau']);

    const after = await runCli(['analyze', doc, '--json'], { env });
    assert.equal(after.code, 0, after.stderr);
    const record = JSON.parse(after.stdout) as { date: string | null; entities: { name: string; kb: string | null; country: string | null; sector: string | null; mentions: { text: string }[] }[] };
    const actor = record.entities.find((e) => e.kb === 'veille:user/albertine-quenelleau');
    assert.ok(actor, JSON.stringify(record.entities));
    assert.equal(actor.country, 'FRA');
    assert.deepEqual(actor.mentions.map((m) => m.text), ['Albertine Quenelleau', 'Quenelleau']);
  });

  test('kb list finds it by a folded part of its name; kb show prints it', async () => {
    const list = await runCli(['kb', 'list', '--query', 'quenelleau'], { env });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^veille:user\/albertine-quenelleau\tPER\tFRA\tGOV\tAlbertine Quenelleau$/m);
    const show = await runCli(['kb', 'show', 'veille:user/albertine-quenelleau'], { env });
    assert.equal(show.code, 0, show.stderr);
    const entry = JSON.parse(show.stdout) as { type: string; source: string; now: { country: string; sector: string } };
    assert.equal(entry.type, 'PER');
    assert.deepEqual(entry.now, { country: 'FRA', sector: 'GOV' });
  });

  test('adding the same id again replaces it', async () => {
    const again = await runCli(['kb', 'add', '--type', 'PER', '--name', 'Albertine Quenelleau', '--country', 'BEL'], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /replaced/);
    const file = JSON.parse(readFileSync(join(dir, 'kb', 'user.json'), 'utf8')) as { entries: unknown[] };
    assert.equal(file.entries.length, 1);
  });

  test('bad input is a usage error naming the value, and writes nothing', async () => {
    for (const args of [
      ['--type', 'PERSON', '--name', 'X Y'],
      ['--type', 'PER', '--name', 'X Y', '--country', 'France'],
      ['--type', 'PER', '--name', 'X Y', '--from', 'yesterday'],
      ['--type', 'PER', '--name', '  '],
    ]) {
      const r = await runCli(['kb', 'add', ...args], { env });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /kb add: /);
    }
    const show = await runCli(['kb', 'show', 'veille:user/nobody'], { env });
    assert.equal(show.code, 2);
    assert.match(show.stderr, /no entry with id veille:user\/nobody/);
  });

  test('a malformed user KB file fails naming the file', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'user.json'), '{ "entries": [ { "id": 3 } ] }');
    const r = await runCli(['kb', 'list', '--query', 'x'], { env: { VEILLE_KB_DIR: bad } });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /user\.json/);
  });

  test.after?.(() => rmSync(dir, { recursive: true, force: true }));
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCode, parsePhoenix, phoenixName } from '../../scripts/phoenix-parse.js';

// An invented dictionary in the Phoenix (TABARI) format.
const DICT = `# comment
RURITANIA_  [RUR]
+RURITANIAN

JAN_NOVAK_  # CountryInfo.txt
+JAN_V._NOVAK
+PRESIDENT_NOVAK
+NOVAK
\t[RURELI 700101-990809]
\t[RURGOV >990810]
\t[RURELI]
EVA_KRAL_\t[RURGOVJUD 040101-121231]\t# CountryInfo.txt
RURITANIAN_ARMY_
+RURITANIAN_ARMED_FORCES
+ARMY_SPOKESMAN
\t[RURMIL]

GREEN_WATCH_ [NGOUSAENV]
BAD_DATES_  # CountryInfo.txt
\t[RURGOV 2004017-20061201]
`;
const AGENTS = 'PRESIDENT [~GOV]\nSPOKESMAN [~GOV]\n';

describe('Phoenix dictionaries → KB actors', () => {
  const actors = parsePhoenix(DICT, 'Phoenix.Countries.actors.txt', AGENTS);
  const byKey = new Map(actors.map((a) => [a.key, a]));

  test('names are written as in text; titled aliases are dropped', () => {
    assert.equal(phoenixName('SERGEY_V._LAVROV_'), 'Sergey V. Lavrov');
    assert.equal(phoenixName('BAN_KI-MOON'), 'Ban Ki-Moon');
    assert.deepEqual(byKey.get('JAN_NOVAK')?.names, ['Jan Novak', 'Jan V. Novak', 'Novak']);
    assert.deepEqual(byKey.get('RURITANIAN_ARMY')?.names, ['Ruritanian Army', 'Ruritanian Armed Forces']);
  });

  test('codes by date: six-digit years pivot on 2014; the undated code is the fallback', () => {
    assert.deepEqual(byKey.get('JAN_NOVAK')?.codes, [
      { country: 'RUR', sector: 'ELI', from: '1970-01-01', to: '1999-08-09' },
      { country: 'RUR', sector: 'GOV', from: '1999-08-10' },
      { country: 'RUR', sector: 'ELI' },
    ]);
    assert.deepEqual(byKey.get('EVA_KRAL')?.codes, [{ country: 'RUR', sector: 'JUD', from: '2004-01-01', to: '2012-12-31' }]);
  });

  test('people and organizations; country-level entries are left to the country list', () => {
    assert.equal(byKey.get('JAN_NOVAK')?.type, 'PER');
    assert.equal(byKey.get('RURITANIAN_ARMY')?.type, 'ORG');
    assert.equal(byKey.has('RURITANIA'), false);
    assert.equal(byKey.has('BAD_DATES'), false); // its only code has a malformed date
  });

  test('CAMEO codes map to PLOVER countries and sectors', () => {
    assert.deepEqual(parseCode('RUSGOV'), { country: 'RUS', sector: 'GOV' });
    assert.deepEqual(parseCode('USAMILSPY'), { country: 'USA', sector: 'SPY' });
    assert.deepEqual(parseCode('IGOUNOREFHCR'), { country: 'UNO', sector: 'REF' });
    assert.deepEqual(parseCode('IGOWSTNAT'), { country: 'IGO', sector: null });
    assert.deepEqual(parseCode('NGOUSAENV'), { country: 'NGO', sector: 'SOC' });
    assert.deepEqual(parseCode('MNCUSAMED'), { country: 'MNC', sector: 'JRN' });
    assert.equal(parseCode('rus'), null);
    assert.deepEqual(byKey.get('GREEN_WATCH')?.codes, [{ country: 'NGO', sector: 'SOC' }]);
  });
});

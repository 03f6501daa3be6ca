import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAddresses, checkLiteralHost } from '../../src/sources/address-guard.js';
import { isFetchError } from '../../src/sources/fetch-error.js';
import { forbiddenKind } from '../../src/sources/ip-ranges.js';

describe('forbiddenKind: which addresses are not the public Internet', () => {
  const cases: [string, string | null][] = [
    ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'], ['::1', 'loopback'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'], ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'], ['fd12:3456::1', 'unique-local'],
    ['100.64.0.1', 'shared (CGNAT)'], ['100.127.255.254', 'shared (CGNAT)'],
    ['224.0.0.251', 'multicast'], ['239.255.255.250', 'multicast'], ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'], ['::', 'unspecified'],
    ['255.255.255.255', 'reserved'], ['192.0.2.10', 'reserved'], ['2001:db8::1', 'reserved'],
    // IPv4 inside IPv6: mapped (dotted and hex), compatible, NAT64, 6to4.
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.0.0.1', 'private'], ['::10.0.0.1', 'private'], ['64:ff9b::a9fe:a9fe', 'link-local'], ['2002:c0a8:0101::1', 'private'],
    ['[::1]', 'loopback'],
    // Public.
    ['8.8.8.8', null], ['1.1.1.1', null], ['172.32.0.1', null], ['100.128.0.1', null], ['193.0.6.139', null],
    ['2001:4860:4860::8888', null], ['2a00:1450:4007:80f::200e', null], ['::ffff:8.8.8.8', null], ['64:ff9b::808:808', null],
    // Not an address at all: refused.
    ['localhost', 'unparsable'], ['', 'unparsable'], ['999.1.1.1', 'unparsable'], ['1.2.3', 'unparsable'],
  ];
  for (const [address, kind] of cases) {
    test(`${address || '(empty)'} → ${kind ?? 'public'}`, () => assert.equal(forbiddenKind(address), kind));
  }
});

describe('checkAddresses: a resolved address list', () => {
  const refused = (fn: () => void, pattern: RegExp): void => assert.throws(fn, (e: unknown) => {
    assert.ok(isFetchError(e) && e.failure === 'refused', String(e));
    assert.match(e.message, pattern);
    return true;
  });

  test('a name resolving to public addresses only passes', () => {
    checkAddresses('news.example', [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }], { allowPrivate: false });
  });

  test('one private address among public ones is enough to refuse (DNS rebinding)', () => {
    refused(() => checkAddresses('news.example', [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.5', family: 4 }], { allowPrivate: false }),
      /news\.example resolves to 10\.0\.0\.5, a private address \(use --allow-private/);
  });

  test('the metadata address and mapped loopback are refused, naming the kind', () => {
    refused(() => checkAddresses('meta.example', [{ address: '169.254.169.254', family: 4 }], { allowPrivate: false }), /link-local/);
    refused(() => checkAddresses('x.example', [{ address: '::ffff:127.0.0.1', family: 6 }], { allowPrivate: false }), /loopback/);
  });

  test('allowPrivate lets everything through; allowAddresses only the addresses named', () => {
    checkAddresses('intranet', [{ address: '10.0.0.5', family: 4 }], { allowPrivate: true });
    const policy = { allowPrivate: false, allowAddresses: new Set(['10.0.0.5']) };
    checkAddresses('intranet', [{ address: '10.0.0.5', family: 4 }], policy);
    refused(() => checkAddresses('intranet', [{ address: '10.0.0.6', family: 4 }], policy), /10\.0\.0\.6/);
  });

  test('no address at all is a network failure, not a pass', () => {
    assert.throws(() => checkAddresses('empty.example', [], { allowPrivate: false }), (e: unknown) => isFetchError(e) && e.failure === 'network');
  });

  test('IP literals in URLs are checked without DNS, in every spelling the URL parser accepts', () => {
    for (const url of ['http://127.0.0.1/', 'http://[::1]:8080/', 'http://169.254.169.254/latest/meta-data/', 'http://2130706433/', 'http://0x7f.1/', 'http://[::ffff:7f00:1]/', 'http://10.0.0.1:80/']) {
      refused(() => checkLiteralHost(new URL(url), { allowPrivate: false }), /address/);
    }
    checkLiteralHost(new URL('http://8.8.8.8/'), { allowPrivate: false });
    checkLiteralHost(new URL('http://news.example/'), { allowPrivate: false }); // a name: checked at connection time
  });
});

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { FetchError } from './fetch-error.js';
import { forbiddenKind } from './ip-ranges.js';

/** The hint every refusal ends with. */
const ALLOW_HINT = 'use --allow-private to fetch it';

/** Which addresses may be fetched. */
export interface AddressPolicy {
  /** Every address, private ones included (`--allow-private`). */
  allowPrivate: boolean;
  /** These exact addresses even when private (one intranet host, a test server), as written by `dns.lookup`. */
  allowAddresses?: ReadonlySet<string>;
}

/**
 * Throws FetchError 'refused' when any resolved address of `host` is private, loopback,
 * link-local and so on (see ip-ranges.ts). Any, not all: a name that also resolves to an
 * internal address is how DNS rebinding reaches inside.
 * @example checkAddresses('intranet.example', [{ address: '10.0.0.7', family: 4 }], { allowPrivate: false }) // throws
 */
export function checkAddresses(host: string, addresses: readonly LookupAddress[], policy: AddressPolicy): void {
  if (policy.allowPrivate) return;
  if (addresses.length === 0) throw new FetchError('network', `${host} has no address`, host);
  for (const { address } of addresses) {
    if (policy.allowAddresses?.has(address)) continue;
    const kind = forbiddenKind(address);
    if (kind === null) continue;
    const what = address === host ? `${address} is` : `${host} resolves to ${address},`;
    throw new FetchError('refused', `refused: ${what} a ${kind} address (${ALLOW_HINT})`, host);
  }
}

/**
 * Checks a URL whose host is an IP literal, which never goes through DNS (`http://127.0.0.1/`,
 * `http://[::1]/`); host names are checked by `guardedLookup` when a connection is made.
 */
export function checkLiteralHost(url: URL, policy: AddressPolicy): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  if (family !== 0) checkAddresses(host, [{ address: host, family }], policy);
}

/**
 * A `lookup` for net/tls connections that resolves, then refuses forbidden addresses: the
 * check happens after DNS, on every connection (every redirect hop opens or reuses one to a
 * host already checked), so a name cannot be re-pointed between the check and the connect.
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      try {
        checkAddresses(hostname, addresses, policy);
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

import { lookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./check-address.js";

/** Resolves a name to all its addresses: `dns.lookup` unless a test passes another. */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A channel's name resolved to an address it may not reach: the notification is refused, not retried. */
export class AddressRefusedError extends Error {
  readonly code = "address_refused";

  constructor(
    hint: string,
    readonly address: string,
  ) {
    super(`refused: ${hint} resolves to a private address (${address}); register the channel with --allow-private to allow it`);
    this.name = "AddressRefusedError";
  }
}

/**
 * A `lookup` for `http.request` that resolves the name and fails the connection when any of its
 * addresses is not public (`isPublicAddress`). The check is on the very addresses the socket then
 * connects to, so a name that answered a public address when the channel was registered and a
 * private one now (DNS rebinding) is refused. Any private address refuses the whole name: the
 * socket may try each of them in turn.
 */
export function createGuardedLookup(hint: string, resolve: ResolveAll = lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) return callback(error, []);
      const refused = addresses.find((candidate) => !isPublicAddress(candidate.address));
      if (refused !== undefined) return callback(new AddressRefusedError(hint, refused.address), []);
      const [first] = addresses;
      if (options.all === true || first === undefined) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

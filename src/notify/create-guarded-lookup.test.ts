import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "@jest/globals";
import { AddressRefusedError, createGuardedLookup, type ResolveAll } from "./create-guarded-lookup.js";

const HINT = "https://hooks.example.com";

/** A resolver answering `addresses` (or `error`) for any name, recording the options it was called with. */
function resolver(addresses: LookupAddress[], error: NodeJS.ErrnoException | null = null) {
  const calls: unknown[] = [];
  const resolve: ResolveAll = (_hostname, options, callback) => {
    calls.push(options);
    callback(error, error === null ? addresses : []);
  };
  return { resolve, calls };
}

/** What the lookup called back with. */
function lookUp(resolve: ResolveAll, all: boolean): Promise<unknown[]> {
  return new Promise((done) => createGuardedLookup(HINT, resolve)("hooks.example.com", { all }, (...args) => done(args)));
}

const PUBLIC_V4 = { address: "93.184.215.14", family: 4 };
const PUBLIC_V6 = { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 };

describe("createGuardedLookup", () => {
  it("answers all public addresses when asked for all (Node's happy eyeballs)", async () => {
    const { resolve, calls } = resolver([PUBLIC_V4, PUBLIC_V6]);

    const answer = await lookUp(resolve, true);

    expect(answer).toEqual([null, [PUBLIC_V4, PUBLIC_V6]]);
    expect(calls).toEqual([{ all: true }]);
  });

  it("answers the first public address and its family when asked for one", async () => {
    const { resolve, calls } = resolver([PUBLIC_V6, PUBLIC_V4]);

    const answer = await lookUp(resolve, false);

    expect(answer).toEqual([null, PUBLIC_V6.address, 6]);
    expect(calls).toEqual([{ all: true }]);
  });

  it.each([
    ["loopback", [{ address: "127.0.0.1", family: 4 }]],
    ["private among public ones", [PUBLIC_V4, { address: "10.0.0.5", family: 4 }]],
    ["the metadata service", [{ address: "169.254.169.254", family: 4 }]],
    ["IPv6 loopback", [{ address: "::1", family: 6 }]],
    ["IPv4-mapped private", [{ address: "::ffff:192.168.1.1", family: 6 }]],
  ])("refuses a name with a non-public address: %s", async (_name, addresses) => {
    const { resolve } = resolver(addresses);

    const [error] = await lookUp(resolve, true);

    expect(error).toBeInstanceOf(AddressRefusedError);
    expect(error).toMatchObject({
      code: "address_refused",
      message: expect.stringMatching(
        /^refused: https:\/\/hooks\.example\.com resolves to a private address \(.+\); register the channel with --allow-private to allow it$/,
      ),
    });
  });

  it("names the refused address", async () => {
    const { resolve } = resolver([PUBLIC_V4, { address: "10.0.0.5", family: 4 }]);

    const [error] = await lookUp(resolve, false);

    expect(error).toMatchObject({ address: "10.0.0.5", message: expect.stringContaining("(10.0.0.5)") });
  });

  it("passes resolver errors on as they are", async () => {
    const notFound = Object.assign(new Error("getaddrinfo ENOTFOUND hooks.example.com"), { code: "ENOTFOUND" });
    const { resolve } = resolver([], notFound);

    const [error] = await lookUp(resolve, true);

    expect(error).toBe(notFound);
  });

  it("resolves localhost with the real resolver, and refuses it", async () => {
    const lookup = createGuardedLookup("http://localhost:3000");

    const [error] = await new Promise<unknown[]>((done) => lookup("localhost", { all: true }, (...args) => done(args)));

    expect(error).toBeInstanceOf(AddressRefusedError);
  });
});

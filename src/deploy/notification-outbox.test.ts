import { describe, expect, it } from "@jest/globals";
import type { ChannelRecord } from "../store/channel-store.js";
import { CHANNEL_NAMES_TTL_MS, createChannelNames } from "./notification-outbox.js";

const channel = (owner: string, name: string) => ({ owner, name }) as ChannelRecord;

describe("createChannelNames", () => {
  it("reads an account's channel names once per TTL, per account", async () => {
    let now = 0;
    const asked: string[] = [];
    let registered = [channel("acme", "deploys")];
    const names = createChannelNames(
      {
        listChannels: async (owner) => {
          asked.push(owner ?? "");
          return registered.filter((c) => c.owner === owner);
        },
      },
      () => new Date(now),
    );

    const first = await names("acme");
    registered = [...registered, channel("acme", "ops")];
    now = CHANNEL_NAMES_TTL_MS - 1;
    const cached = await names("acme");
    const other = await names("globex");
    now = CHANNEL_NAMES_TTL_MS;
    const fresh = await names("acme");

    expect([[...first], [...cached], [...other], [...fresh]]).toEqual([["deploys"], ["deploys"], [], ["deploys", "ops"]]);
    expect(asked).toEqual(["acme", "globex", "acme"]);
  });

  it("does not keep a failed read", async () => {
    let fail = true;
    const names = createChannelNames(
      {
        listChannels: async () => {
          if (fail) throw new Error("database unavailable");
          return [channel("acme", "deploys")];
        },
      },
      () => new Date(0),
    );

    await expect(names("acme")).rejects.toThrow("database unavailable");
    fail = false;
    await expect(names("acme")).resolves.toEqual(new Set(["deploys"]));
  });
});

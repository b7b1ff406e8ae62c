import pg from "pg";
import type { ChannelListener } from "./sql-client.js";

/** How long a lost listening connection waits before it connects again. */
const RECONNECT_MS = 1_000;

/**
 * `LISTEN`s to `channel` on a connection of its own (a pooled one may be handed to anyone), and
 * connects again after it drops, telling the listener it may have missed notifications meanwhile.
 * Resolves once listening; the function it resolves with stops it and closes the connection.
 */
export async function listenOnOwnConnection(
  open: () => pg.Client,
  channel: string,
  listener: ChannelListener,
): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const lose = (client: pg.Client): void => {
    if (current !== client) return;
    current = undefined;
    listener.lost();
    client.end().catch(() => undefined);
    if (!stopped) retry = setTimeout(again, RECONNECT_MS);
  };
  const connect = async (): Promise<void> => {
    const client = open();
    client.on("notification", (message) => {
      if (message.channel === channel) listener.notify(message.payload ?? "");
    });
    client.on("error", () => lose(client));
    client.on("end", () => lose(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    current = client;
    listener.listening();
  };
  const again = (): void => {
    retry = undefined;
    connect().catch(() => {
      if (!stopped) retry = setTimeout(again, RECONNECT_MS);
    });
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry !== undefined) clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end().catch(() => undefined);
  };
}

import pg from "pg";
import type { ChannelListener } from "./sql-client.js";

/** How long a lost listening connection waits before it connects again. */
const RECONNECT_MS = 1_000;

/**
 * `LISTEN`s to `channel` on a connection of its own (a pooled one may be handed to anyone), and
 * connects again after it drops (or when the first connection fails), telling the listener it may
 * have missed notifications meanwhile. Resolves once it tried to listen; the function it resolves
 * with stops it and closes the connection.
 */
export async function listenOnOwnConnection(
  open: () => pg.Client,
  channel: string,
  listener: ChannelListener,
): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const later = (): void => {
    // Never what keeps the process alive.
    if (!stopped) retry = setTimeout(again, RECONNECT_MS).unref();
  };

  const lose = (client: pg.Client): void => {
    if (current !== client) return;
    current = undefined;
    listener.lost();
    client.end().catch(() => undefined);
    later();
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
    if (stopped) {
      // Stopped while connecting again: this connection is nobody's.
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    listener.listening();
  };
  const again = (): void => {
    retry = undefined;
    connect().catch(later);
  };

  // A first connection that fails (the server refuses one more, say) must not stop the app: it is
  // tried again, and until then nothing is known to be heard.
  await connect().catch(() => {
    listener.lost();
    later();
  });
  return async () => {
    stopped = true;
    if (retry !== undefined) clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end().catch(() => undefined);
  };
}

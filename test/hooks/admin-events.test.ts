import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { ADMIN_TOKEN } from "./admin-fixtures.js";
import { useHookServer } from "./hook-server.js";

interface ListedEvent {
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  readonly status: string;
  readonly error: string | null;
  readonly receivedAt: string;
  readonly finishedAt: string | null;
}

/** The admin API behind `deliverybot events`, over real HTTP into the running app. */
describe("admin API: GET /admin/events", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });

  const get = (query = "", token: string | null = ADMIN_TOKEN, method = "GET") =>
    fetch(`${server.base}/admin/events${query}`, {
      method,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });

  const listed = async (query = "") => {
    const response = await get(query);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    return ((await response.json()) as { events: ListedEvent[] }).events;
  };

  async function failedDelivery(error = "GitHub answered 503: Service Unavailable"): Promise<string> {
    const id = randomUUID();
    await server.store().beginDelivery(id, "check_run", "completed");
    await server.store().finishDelivery(id, "failed", error);
    return id;
  }

  it.each([
    ["no Authorization header", null],
    ["a wrong token", `${ADMIN_TOKEN}x`],
  ])("answers 401 with no detail for %s", async (_label, token) => {
    await failedDelivery();

    const response = await get("", token);

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="deliverybot-admin"');
    expect(await response.json()).toEqual({ error: "unauthorized" });
  });

  it("lists failed deliveries with event, action, status, error and times", async () => {
    const id = await failedDelivery();
    const done = randomUUID();
    await server.store().beginDelivery(done, "push", null);
    await server.store().finishDelivery(done, "done");

    const events = await listed();

    expect(events.find((e) => e.id === id)).toEqual({
      id,
      event: "check_run",
      action: "completed",
      status: "failed",
      error: "GitHub answered 503: Service Unavailable",
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      finishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(events.map((e) => e.id)).not.toContain(done);
    expect(events.every((e) => e.status === "failed")).toBe(true);
  });

  it("limits the list to the newest N", async () => {
    await failedDelivery();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newest = await failedDelivery();

    expect((await listed("?limit=1")).map((e) => e.id)).toEqual([newest]);
  });

  it.each([
    ["?limit=0", "limit must be a whole number from 1 to 1000"],
    ["?limit=1001", "limit must be a whole number from 1 to 1000"],
    ["?limit=ten", "limit must be a whole number from 1 to 1000"],
    ["?all=yes", "all must be 0 or 1"],
  ])("answers 400 for %s", async (query, message) => {
    const response = await get(query);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(message);
  });

  it("answers 405 to anything but GET", async () => {
    const response = await get("", ADMIN_TOKEN, "POST");

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
  });

  // Last: it moves the app's clock.
  it("with all=1 also lists deliveries stuck in processing for more than 10 minutes", async () => {
    const stuck = randomUUID();
    await server.store().beginDelivery(stuck, "deployment_status", "created");

    const early = await listed("?all=1");
    server.advanceClock(11 * 60_000);
    const later = await listed("?all=1");
    const failedOnly = await listed();

    expect(early.map((e) => e.id)).not.toContain(stuck);
    expect(later.find((e) => e.id === stuck)).toMatchObject({ status: "processing", error: null, finishedAt: null });
    expect(failedOnly.map((e) => e.id)).not.toContain(stuck);
  });
});

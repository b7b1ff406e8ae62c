import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { createNotificationStates } from "../notify/notification-states.js";
import { ADMIN_TOKEN } from "./admin-fixtures.js";
import { useHookServer } from "./hook-server.js";
import { createQueueStates } from "./queue-states.js";

interface ListedEvent {
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  readonly status: string;
  readonly attempts: number;
  readonly error: string | null;
  readonly receivedAt: string;
  readonly nextAttemptAt: string | null;
  readonly finishedAt: string | null;
}

interface ListedNotification {
  readonly id: string;
  readonly owner: string;
  readonly channel: string;
  readonly repoId: number;
  readonly deploymentId: number;
  readonly event: string;
  readonly status: string;
  readonly attempts: number;
  readonly error: string | null;
  readonly createdAt: string;
  readonly nextAttemptAt: string | null;
  readonly finishedAt: string | null;
}

const ids = (events: readonly { readonly id: string }[]) => events.map((e) => e.id);

/** The admin API behind `deliverybot events`, over real HTTP into the running app (no workers run). */
describe("admin API: /admin/events", () => {
  let senderWakeUps = 0;
  const server = useHookServer({
    env: { ADMIN_TOKEN },
    parts: {
      onNotificationQueued: () => {
        senderWakeUps += 1;
      },
    },
  });
  const states = createQueueStates(() => server.store());
  const notifications = createNotificationStates(() => server.store());

  const call = (path: string, method = "GET", token: string | null = ADMIN_TOKEN) =>
    fetch(`${server.base}${path}`, { method, headers: token === null ? {} : { authorization: `Bearer ${token}` } });

  const answered = async (query = "") => {
    const response = await call(`/admin/events${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    return (await response.json()) as { events: ListedEvent[]; notifications: ListedNotification[] };
  };
  const listed = async (query = "") => (await answered(query)).events;
  const listedNotifications = async (query = "") => (await answered(query)).notifications;
  const unfinished = () => listed("?all=1&limit=1000");
  const retry = (id: string, method = "POST") => call(`/admin/events/${encodeURIComponent(id)}/retry`, method);

  it.each([
    ["GET /admin/events", "no Authorization header", null],
    ["GET /admin/events", "a wrong token", `${ADMIN_TOKEN}x`],
    ["POST /admin/events/<id>/retry", "no Authorization header", null],
    ["POST /admin/events/<id>/retry", "a wrong token", `${ADMIN_TOKEN}x`],
  ])("%s answers 401 with no detail for %s, and retries nothing", async (route, _label, token) => {
    const parked = await states.parked("GitHub answered 500");

    const response = route.startsWith("GET")
      ? await call("/admin/events", "GET", token)
      : await call(`/admin/events/${parked.id}/retry`, "POST", token);

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="deliverybot-admin"');
    expect(await response.json()).toEqual({ error: "unauthorized" });
    expect((await unfinished()).find((e) => e.id === parked.id)?.status).toBe("parked");
  });

  it("lists parked deliveries and those retrying after a failure, with attempts, last error and times", async () => {
    const parked = await states.parked("GitHub answered 503: Service Unavailable", 5, { event: "push", action: null });
    const retrying = await states.retrying("GitHub answered 502: Bad Gateway");
    const queued = await states.queued();
    const running = await states.running();
    const done = await states.done();

    const events = await listed();

    expect(events.find((e) => e.id === parked.id)).toEqual({
      id: parked.id,
      event: "push",
      action: null,
      status: "parked",
      attempts: 5,
      error: "GitHub answered 503: Service Unavailable",
      receivedAt: parked.receivedAt.toISOString(),
      nextAttemptAt: null,
      finishedAt: parked.finishedAt.toISOString(),
    });
    expect(events.find((e) => e.id === retrying.id)).toEqual({
      id: retrying.id,
      event: "check_run",
      action: "completed",
      status: "queued",
      attempts: 1,
      error: "GitHub answered 502: Bad Gateway",
      receivedAt: retrying.receivedAt.toISOString(),
      nextAttemptAt: retrying.nextAttemptAt.toISOString(),
      finishedAt: null,
    });
    expect(ids(events)).not.toContain(queued.id);
    expect(ids(events)).not.toContain(running.id);
    expect(ids(events)).not.toContain(done.id);
    expect(events.every((e) => e.error !== null && (e.status === "parked" || e.status === "queued"))).toBe(true);
  });

  it("with all=1 lists every delivery not processed yet: queued and running ones too, never done ones", async () => {
    const parked = await states.parked("boom", 2);
    const retrying = await states.retrying("GitHub answered 500");
    const queued = await states.queued({ event: "status", action: null });
    const running = await states.running({ event: "deployment_status", action: "created" });
    const done = await states.done();

    const events = await listed("?all=1");

    expect(events.find((e) => e.id === queued.id)).toEqual({
      id: queued.id,
      event: "status",
      action: null,
      status: "queued",
      attempts: 0,
      error: null,
      receivedAt: queued.receivedAt.toISOString(),
      nextAttemptAt: queued.receivedAt.toISOString(),
      finishedAt: null,
    });
    expect(events.find((e) => e.id === running.id)).toEqual({
      id: running.id,
      event: "deployment_status",
      action: "created",
      status: "running",
      attempts: 1,
      error: null,
      receivedAt: running.receivedAt.toISOString(),
      nextAttemptAt: null,
      finishedAt: null,
    });
    expect(events.find((e) => e.id === parked.id)).toMatchObject({ status: "parked", attempts: 2, error: "boom" });
    expect(events.find((e) => e.id === retrying.id)).toMatchObject({
      status: "queued",
      attempts: 1,
      error: "GitHub answered 500",
    });
    expect(ids(events)).not.toContain(done.id);
    expect(new Set(events.map((e) => e.status))).toEqual(new Set(["parked", "queued", "running"]));
  });

  it("lists newest first; limit=N keeps the newest N", async () => {
    const made = [await states.parked("a"), await states.retrying("b"), await states.parked("c")];

    const everything = await listed("?limit=1000");
    const two = await listed("?limit=2");
    const mine = ids(everything).filter((id) => made.some((d) => d.id === id));

    expect(mine).toEqual(made.map((d) => d.id)); // each made a day before the previous one
    const times = everything.map((e) => e.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(everything.length).toBeGreaterThan(2);
    expect(two).toEqual(everything.slice(0, 2));
  });

  it.each([
    ["?limit=0", "limit must be a whole number from 1 to 1000"],
    ["?limit=1001", "limit must be a whole number from 1 to 1000"],
    ["?limit=ten", "limit must be a whole number from 1 to 1000"],
    ["?limit=", "limit must be a whole number from 1 to 1000"],
    ["?all=yes", "all must be 0 or 1"],
  ])("answers 400 for %s", async (query, message) => {
    const response = await call(`/admin/events${query}`);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(message);
  });

  it.each([
    ["POST", "/admin/events", "GET"],
    ["DELETE", "/admin/events", "GET"],
    ["GET", "/admin/events/some-delivery/retry", "POST"],
    ["PUT", "/admin/events/some-delivery/retry", "POST"],
  ])("answers 405 to %s %s (Allow: %s)", async (method, path, allow) => {
    const response = await call(path, method);

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(await response.json()).toEqual({ error: "method not allowed" });
  });

  it("retry queues a parked delivery again now, with fresh attempts, its last error kept until it runs", async () => {
    const parked = await states.parked("Cannot read properties of undefined (reading 'sha')", 5);
    const before = Date.now();

    const response = await retry(parked.id);
    const after = Date.now();
    const entry = (await unfinished()).find((e) => e.id === parked.id);
    const again = await retry(parked.id);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: parked.id, status: "queued" });
    expect(entry).toEqual({
      id: parked.id,
      event: "check_run",
      action: "completed",
      status: "queued",
      attempts: 0,
      error: "Cannot read properties of undefined (reading 'sha')",
      receivedAt: parked.receivedAt.toISOString(),
      nextAttemptAt: expect.any(String),
      finishedAt: null,
    });
    const next = Date.parse(entry?.nextAttemptAt ?? "");
    expect(next).toBeGreaterThanOrEqual(before);
    expect(next).toBeLessThanOrEqual(after);
    expect(ids(await listed())).toContain(parked.id); // still failing until a worker processes it
    expect(again.status).toBe(409);
  });

  it("retry url-decodes the delivery id", async () => {
    const parked = await states.parked("boom", 1, { id: `odd id/${randomUUID()}?ü` });

    const response = await retry(parked.id);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: parked.id, status: "queued" });
    expect((await unfinished()).find((e) => e.id === parked.id)).toMatchObject({ status: "queued", attempts: 0 });
  });

  it.each([
    ["queued", () => states.queued()],
    ["running", () => states.running()],
    ["retrying", () => states.retrying("GitHub answered 502")],
    ["done", () => states.done()],
    ["unknown", async () => ({ id: randomUUID() })],
  ])("retry of a %s delivery answers 409 and changes nothing", async (_state, make) => {
    const delivery = await make();
    const before = (await unfinished()).find((e) => e.id === delivery.id);

    const response = await retry(delivery.id);

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: `delivery ${JSON.stringify(delivery.id)} is not parked: only parked deliveries can be retried`,
    });
    expect((await unfinished()).find((e) => e.id === delivery.id)).toEqual(before);
  });

  describe("notifications", () => {
    it("lists parked notifications and those retrying after a failure beside the deliveries, with what they were about", async () => {
      const parked = await notifications.parked("the receiver answered 500", 5, { channel: "ops", event: "failed" });
      const retrying = await notifications.retrying("connection refused");
      const queued = await notifications.queued();
      const running = await notifications.running();

      const answer = await answered();

      expect(answer.events).toEqual(expect.any(Array));
      expect(answer.notifications.find((n) => n.id === parked.id)).toEqual({
        id: parked.id,
        owner: "acme",
        channel: "ops",
        repoId: parked.repoId,
        deploymentId: parked.deploymentId,
        event: "failed",
        status: "parked",
        attempts: 5,
        error: "the receiver answered 500",
        createdAt: parked.createdAt.toISOString(),
        nextAttemptAt: null,
        finishedAt: parked.finishedAt.toISOString(),
      });
      expect(answer.notifications.find((n) => n.id === retrying.id)).toEqual({
        id: retrying.id,
        owner: "acme",
        channel: "deploys",
        repoId: retrying.repoId,
        deploymentId: retrying.deploymentId,
        event: "succeeded",
        status: "queued",
        attempts: 1,
        error: "connection refused",
        createdAt: retrying.createdAt.toISOString(),
        nextAttemptAt: retrying.nextAttemptAt.toISOString(),
        finishedAt: null,
      });
      expect(ids(answer.notifications)).not.toContain(queued.id);
      expect(ids(answer.notifications)).not.toContain(running.id);
      expect(ids(answer.events)).not.toContain(parked.id);
    });

    it("with all=1 lists every notification not sent yet; limit=N keeps the newest N", async () => {
      const queued = await notifications.queued({ event: "started" });
      const running = await notifications.running();
      const parked = await notifications.parked("boom", 1);

      const all = await listedNotifications("?all=1&limit=1000");
      const one = await listedNotifications("?all=1&limit=1");

      expect(all.find((n) => n.id === queued.id)).toMatchObject({ status: "queued", attempts: 0, error: null, event: "started" });
      expect(all.find((n) => n.id === running.id)).toMatchObject({ status: "running", attempts: 1, nextAttemptAt: null });
      expect(all.find((n) => n.id === parked.id)).toMatchObject({ status: "parked", error: "boom" });
      const times = all.map((n) => n.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      expect(one).toEqual(all.slice(0, 1));
    });

    it("retry queues a parked notification again, with fresh attempts, and wakes the sender", async () => {
      const parked = await notifications.parked("the receiver answered 410", 5);
      const before = senderWakeUps;

      const response = await retry(parked.id);
      const entry = (await listedNotifications("?all=1&limit=1000")).find((n) => n.id === parked.id);
      const again = await retry(parked.id);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: parked.id, status: "queued", kind: "notification" });
      expect(entry).toMatchObject({ status: "queued", attempts: 0, finishedAt: null, error: "the receiver answered 410" });
      expect(Math.abs(Date.parse(entry?.nextAttemptAt ?? "") - Date.now())).toBeLessThan(60_000);
      expect(senderWakeUps).toBe(before + 1);
      expect(again.status).toBe(409);
      expect(senderWakeUps).toBe(before + 1);
    });

    it.each([
      ["queued", () => notifications.queued()],
      ["running", () => notifications.running()],
      ["retrying", () => notifications.retrying("connection refused")],
    ])("retry of a %s notification answers 409 and changes nothing", async (_state, make) => {
      const notification = await make();
      const before = (await listedNotifications("?all=1&limit=1000")).find((n) => n.id === notification.id);

      const response = await retry(notification.id);

      expect(response.status).toBe(409);
      expect((await listedNotifications("?all=1&limit=1000")).find((n) => n.id === notification.id)).toEqual(before);
    });
  });
});

import { describe, expect, it } from "@jest/globals";
import { readWorkerSettings } from "./worker-settings.js";

describe("readWorkerSettings", () => {
  it("defaults to 4 workers, a 30 s lease, polling every second and a sweep every 30 s", () => {
    expect(readWorkerSettings({})).toEqual({ concurrency: 4, leaseMs: 30_000, pollMs: 1_000, sweepMs: 30_000 });
  });

  it("treats empty variables as unset", () => {
    expect(
      readWorkerSettings({ WORKER_CONCURRENCY: "", WORKER_LEASE_SECONDS: "", WORKER_POLL_MS: "", SWEEP_INTERVAL_MS: "" }),
    ).toEqual({ concurrency: 4, leaseMs: 30_000, pollMs: 1_000, sweepMs: 30_000 });
  });

  it("reads valid values, the lease in seconds", () => {
    expect(
      readWorkerSettings({
        WORKER_CONCURRENCY: "8",
        WORKER_LEASE_SECONDS: "90",
        WORKER_POLL_MS: "250",
        SWEEP_INTERVAL_MS: "500",
      }),
    ).toEqual({ concurrency: 8, leaseMs: 90_000, pollMs: 250, sweepMs: 500 });
  });

  it.each([
    ["WORKER_CONCURRENCY", "1", { concurrency: 1 }],
    ["WORKER_CONCURRENCY", "64", { concurrency: 64 }],
    ["WORKER_LEASE_SECONDS", "1", { leaseMs: 1_000 }],
    ["WORKER_LEASE_SECONDS", "3600", { leaseMs: 3_600_000 }],
    ["WORKER_POLL_MS", "10", { pollMs: 10 }],
    ["WORKER_POLL_MS", "60000", { pollMs: 60_000 }],
    ["SWEEP_INTERVAL_MS", "100", { sweepMs: 100 }],
    ["SWEEP_INTERVAL_MS", "600000", { sweepMs: 600_000 }],
  ])("accepts the limit %s=%s", (name, value, expected) => {
    expect(readWorkerSettings({ [name]: value })).toMatchObject(expected);
  });

  it.each([
    ["WORKER_CONCURRENCY", "0", 'WORKER_CONCURRENCY must be a whole number from 1 to 64, got "0"'],
    ["WORKER_CONCURRENCY", "65", 'WORKER_CONCURRENCY must be a whole number from 1 to 64, got "65"'],
    ["WORKER_CONCURRENCY", "-1", 'WORKER_CONCURRENCY must be a whole number from 1 to 64, got "-1"'],
    ["WORKER_CONCURRENCY", "2.5", 'WORKER_CONCURRENCY must be a whole number from 1 to 64, got "2.5"'],
    ["WORKER_CONCURRENCY", "four", 'WORKER_CONCURRENCY must be a whole number from 1 to 64, got "four"'],
    ["WORKER_CONCURRENCY", " 4", 'WORKER_CONCURRENCY must be a whole number from 1 to 64, got " 4"'],
    ["WORKER_LEASE_SECONDS", "0", 'WORKER_LEASE_SECONDS must be a whole number from 1 to 3600, got "0"'],
    ["WORKER_LEASE_SECONDS", "3601", 'WORKER_LEASE_SECONDS must be a whole number from 1 to 3600, got "3601"'],
    ["WORKER_LEASE_SECONDS", "30s", 'WORKER_LEASE_SECONDS must be a whole number from 1 to 3600, got "30s"'],
    ["WORKER_LEASE_SECONDS", "1e3", 'WORKER_LEASE_SECONDS must be a whole number from 1 to 3600, got "1e3"'],
    ["WORKER_POLL_MS", "9", 'WORKER_POLL_MS must be a whole number from 10 to 60000, got "9"'],
    ["WORKER_POLL_MS", "60001", 'WORKER_POLL_MS must be a whole number from 10 to 60000, got "60001"'],
    ["WORKER_POLL_MS", "0x10", 'WORKER_POLL_MS must be a whole number from 10 to 60000, got "0x10"'],
    ["SWEEP_INTERVAL_MS", "99", 'SWEEP_INTERVAL_MS must be a whole number from 100 to 600000, got "99"'],
  ])("refuses %s=%j", (name, value, message) => {
    expect(() => readWorkerSettings({ [name]: value })).toThrow(new Error(message));
  });

  it("names the one invalid variable among valid ones", () => {
    expect(() => readWorkerSettings({ WORKER_CONCURRENCY: "2", WORKER_LEASE_SECONDS: "10", WORKER_POLL_MS: "5" })).toThrow(
      "WORKER_POLL_MS must be a whole number from 10 to 60000",
    );
  });
});

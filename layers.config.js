/**
 * The folders of src/ and what each may import besides itself: a folder below imports nothing from
 * a folder above it. ESLint enforces this (eslint.config.js), and test/architecture.test.ts checks
 * that ARCHITECTURE.md's table says the same. The files at the top of src/ wire everything.
 */
export const LAYERS = {
  domain: [],
  config: ["domain"],
  engine: ["domain", "config"],
  events: ["domain"],
  store: ["domain"],
  github: ["domain", "config"],
  queue: ["domain", "events", "store", "github"],
  notify: ["domain", "store", "queue"],
  deploy: ["domain", "config", "engine", "store", "github", "queue"],
  handlers: ["domain", "config", "engine", "store", "github", "queue", "deploy"],
  commands: ["domain", "config", "engine", "store", "github", "queue", "deploy", "handlers"],
  hooks: ["domain", "config", "engine", "store", "github", "deploy"],
  web: ["domain", "config", "store", "queue", "deploy", "hooks", "notify"],
  dashboard: ["domain", "config", "engine", "store", "github", "deploy", "handlers", "commands", "hooks", "web"],
  cli: ["domain", "config"],
};

/** Folders whose code decides or describes and does no I/O: no Node built-ins, no clients of services. */
export const PURE_LAYERS = ["domain", "config", "engine", "events"];

/** Node's built-ins and the database clients: kept out of the pure folders. */
export const IO_PACKAGES = ["node:*", "pg", "@electric-sql/*", "ioredis"];

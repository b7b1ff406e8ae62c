import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { run } from "probot";
import { createLog } from "./create-log.js";
import { createOctokitClass } from "./github/create-octokit-class.js";
import deliverybot from "./index.js";

// What `npm start` runs: `probot run` with a logger that keeps hook secrets out of the logs, and an
// Octokit that leaves long rate limit waits to the durable queue and gives every request 10 s.
// `.env` overrides the environment, as Probot does; loaded first so it sets the log level too.
if (existsSync(".env")) Object.assign(process.env, parseEnv(readFileSync(".env", "utf8")));
await run(deliverybot, { log: await createLog(process.env), Octokit: createOctokitClass() });

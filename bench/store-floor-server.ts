import { createEnqueuer } from "../src/queue/create-enqueuer.js";
import { openStore, type StoreEnvironment } from "../src/store/open-store.js";
import { serveWebhooks } from "./serve-webhooks.js";

// The floor of any app that stores a webhook before answering it: the baseline, plus parsing the
// payload and storing it with the app's own store and group commit (`DATA_DIR` or `DATABASE_URL`),
// and nothing else — no routing, no Probot, no workers.
const env: NodeJS.ProcessEnv & StoreEnvironment = process.env;
const { store } = await openStore(env);
const enqueue = createEnqueuer(store, () => new Date());
serveWebhooks(async (body, headers) => {
  const text = body.toString("utf8");
  const payload = JSON.parse(text) as { action?: string; repository?: { id?: number }; installation?: { id?: number } };
  await enqueue({
    id: String(headers["x-github-delivery"]),
    event: String(headers["x-github-event"]),
    action: payload.action ?? null,
    repoId: payload.repository?.id ?? 0,
    installationId: payload.installation?.id ?? 0,
    payload: text,
  });
});

import { NO_METRICS } from "../src/domain/metrics.js";
import { createIntake } from "../src/queue/create-intake.js";
import { openStore, type StoreEnvironment } from "../src/store/open-store.js";
import { serveWebhooks } from "./serve-webhooks.js";

// The floor of any app that stores a webhook before answering it: the baseline, plus parsing the
// payload and handing it to the app's own intake (routing, group commit, the store on `DATA_DIR` or
// `DATABASE_URL`), and nothing else — no Probot, no workers.
const env: NodeJS.ProcessEnv & StoreEnvironment = process.env;
const { store } = await openStore(env);
// Nothing is counted: the floor is the least any app that stores before answering does.
const intake = createIntake(
  store,
  () => new Date(),
  () => {},
  NO_METRICS,
);
serveWebhooks(async (body, headers) => {
  const text = body.toString("utf8");
  await intake({
    id: String(headers["x-github-delivery"]),
    event: String(headers["x-github-event"]),
    payload: JSON.parse(text),
    text,
  });
});

import { serveWebhooks } from "./serve-webhooks.js";

// The baseline of the acknowledgement benchmark: verifies the signature and answers. Nothing an
// app could do faster.
serveWebhooks();

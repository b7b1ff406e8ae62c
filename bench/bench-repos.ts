import type { WebhookRepo as BenchRepo } from "../test/helpers/webhook-events.js";

/** A configured repository whose production deploy is gated on `ci/test`: its feature-branch pushes, statuses and checks need no action. */
export const SHOP: BenchRepo = { owner: "acme", name: "shop", id: 9001, installationId: 1 };

/** Repositories of the same installation without `.github/deploy.yml`. */
export const UNCONFIGURED: readonly BenchRepo[] = ["docs", "wiki", "infra", "blog", "api-spec"].map((name, index) => ({
  owner: "acme",
  name,
  id: 9002 + index,
  installationId: 1,
}));

/** Repositories of the gated auto-deploy flows, one installation each (as different customers). */
export const FLOW_REPOS: readonly BenchRepo[] = Array.from({ length: 10 }, (_, index) => ({
  owner: `customer${index + 1}`,
  name: "service",
  id: 9101 + index,
  installationId: 101 + index,
}));

/** The repository of the end-to-end runs: deploys `main` without waiting for checks. */
export const FAST: BenchRepo = { owner: "acme", name: "fast", id: 9200, installationId: 200 };

/** The channel the notification measure registers for {@link NOTIFIED}'s owner, and their configs name. */
export const NOTIFY_CHANNEL = "bench";

/** Repositories of the installation of {@link SHOP} whose deployments the notification measure announces. */
export const NOTIFIED: readonly BenchRepo[] = ["web", "api", "worker", "payments"].map((name, index) => ({
  owner: "acme",
  name,
  id: 9300 + index,
  installationId: 1,
}));

const SHOP_CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: [ci/test]
  staging:
    auto_deploy_on: refs/heads/release-*
    environment: staging
`;

/** What the push of each gated flow changes: a file the flow repositories' `paths` let through, listed in the payload. */
export const FLOW_CHANGES = { modified: ["services/api/src/server.ts"] } as const;

/** The target of {@link FLOW_CONFIG} that the flows deploy, and the one that promotes from it. */
export const FLOW_TARGET = "production";
export const FLOW_PROMOTED_TARGET = "production-eu";

/**
 * The gated flows' release policy. `production`: omitted `required_contexts` (every check reported
 * on the commit must succeed, and one must have reported); `paths` that {@link FLOW_CHANGES} match;
 * freezes that are never in force while the bench runs — dated windows long past and far ahead, as
 * the bench runs on the real clock (`checkBenchConfigs` refuses to run otherwise). `production-eu`
 * promotes what succeeded in production after a 30-minute soak: every flow starts a promotion when
 * its production deployment succeeds, and the soak outlasts the app process that measures the flows.
 */
const FLOW_CONFIG = `version: 2
targets:
  ${FLOW_TARGET}:
    auto_deploy_on: refs/heads/main
    paths: [services/api/**, libs/shared/**, "!**.md"]
    freezes:
      - { from: 2020-12-24, to: 2021-01-04, time_zone: Europe/Berlin, reason: Holidays 2020 }
      - { from: 2099-12-24, to: 2100-01-04, time_zone: Europe/Berlin, reason: Holidays 2099 }
  ${FLOW_PROMOTED_TARGET}:
    environment: production-eu
    promote_from: ${FLOW_TARGET}
    soak: 30m
`;

/** `required_contexts: []`: no gate, a push to main deploys at once. */
const FAST_CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: []
`;

/** Gated like {@link SHOP_CONFIG}, and every deployment event announced on the bench's channel. */
const NOTIFIED_CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: [ci/test]
notifications:
  - channel: ${NOTIFY_CHANNEL}
`;

/** The repository of the dashboard measure: its history is seeded into the store, its page loaded by a signed-in writer. */
export const BOARD: BenchRepo = { owner: "acme", name: "board", id: 9400, installationId: 1 };

/** The environments of the seeded history, each a target. */
const BOARD_CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: [ci/test]
  staging: {}
  canary: {}
  qa: {}
`;

/** The OAuth credentials of the app and the fake: the dashboard measure signs in. */
export const BENCH_OAUTH = { clientId: "Iv1.bench", clientSecret: "bench-client-secret" } as const;

/** The `.github/deploy.yml` files the fake GitHub serves, by `owner/name`. */
export function benchConfigs(): Record<string, string> {
  const configs: Record<string, string> = { "acme/shop": SHOP_CONFIG, "acme/fast": FAST_CONFIG, "acme/board": BOARD_CONFIG };
  for (const repo of FLOW_REPOS) configs[`${repo.owner}/${repo.name}`] = FLOW_CONFIG;
  for (const repo of NOTIFIED) configs[`${repo.owner}/${repo.name}`] = NOTIFIED_CONFIG;
  return configs;
}

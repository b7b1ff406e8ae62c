import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit, type ApplicationFunction, type Options } from "probot";

/** A real RSA key (PEM, PKCS#1): Probot signs the app JWT for the token exchange with it. Generated once per test file. */
export const TEST_PRIVATE_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "pkcs1", format: "pem" },
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
}).privateKey;

/** The webhook secret of {@link createTestProbot}'s instances, for {@link signPayload}. */
export const TEST_WEBHOOK_SECRET = "test-secret";

/**
 * Creates a Probot instance for tests and loads `appFn` into it: app id 1, a real private key
 * (so installation tokens are exchanged, see `GitHubMock.installationToken`), no retries, no
 * throttling, and logs only at `fatal` (Probot 14 types accept no `silent`).
 * Create one per test: Probot caches installation tokens for 59 minutes per instance.
 */
export async function createTestProbot(appFn: ApplicationFunction, options: Options = {}): Promise<Probot> {
  const probot = new Probot({
    appId: 1,
    privateKey: TEST_PRIVATE_KEY,
    secret: TEST_WEBHOOK_SECRET,
    // The function form: Probot passes its own throttle options per instance, which would override
    // an object's (writes would then be spaced 1 s apart in every test).
    Octokit: ProbotOctokit.defaults((options: object) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
    logLevel: "fatal",
    logFormat: "json",
    ...options,
  });
  await probot.load(appFn);
  return probot;
}

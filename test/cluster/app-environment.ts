import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { FakeGitHub } from "../fake-github/fake-github-server.js";
import { withSearchPath } from "../../src/store/postgres-search-path.js";
import { TEST_DATABASE_URL } from "../store/postgres-test-database.js";

/** The app's credentials for a test run: a fresh RSA key and webhook secret. */
export interface AppCredentials {
  readonly privateKey: string;
  readonly webhookSecret: string;
}

/** A new 2048-bit RSA key (PKCS#1 PEM, as GitHub hands them out) and a random webhook secret. */
export function createCredentials(): AppCredentials {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  return { privateKey, webhookSecret: randomBytes(16).toString("hex") };
}

/** Worker settings and anything else a run changes. */
export type ExtraEnvironment = Readonly<Record<string, string>>;

/**
 * The variables `node lib/main.js` runs on, as production would set them: the app's credentials, every
 * GitHub call to the fake (`GHE_HOST`, `GHE_PROTOCOL=http`), the store in `schema` of the test database
 * (`DATABASE_URL` with `options=-c search_path=<schema>`), warnings and errors logged only.
 */
export function appEnvironment(
  credentials: AppCredentials,
  github: FakeGitHub,
  schema: string,
  extra: ExtraEnvironment = {},
): Record<string, string> {
  return {
    NODE_ENV: "production",
    APP_ID: "1",
    PRIVATE_KEY: credentials.privateKey,
    WEBHOOK_SECRET: credentials.webhookSecret,
    GHE_HOST: github.host,
    GHE_PROTOCOL: "http",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    DATABASE_URL: withSearchPath(TEST_DATABASE_URL, schema),
    ...extra,
  };
}

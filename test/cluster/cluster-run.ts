import { startFakeGitHub, type FakeGitHub } from "../fake-github/fake-github-server.js";
import { createTestSchema, dropTestSchema } from "../store/postgres-test-database.js";
import { startCluster, type AppCluster } from "./app-cluster.js";
import { appEnvironment, createCredentials, type AppCredentials, type ExtraEnvironment } from "./app-environment.js";

/** A fake GitHub, a fresh schema and app instances sharing it. */
export interface ClusterRun {
  readonly github: FakeGitHub;
  readonly schema: string;
  readonly credentials: AppCredentials;
  readonly cluster: AppCluster;
  /** Kills the instances, stops the fake and drops the schema; safe to call twice. */
  stop(): Promise<void>;
}

/** What a run starts. */
export interface ClusterRunOptions {
  /** `lib/main.js`, built. */
  readonly script: string;
  readonly size: number;
  /** `.github/deploy.yml` by `owner/name`. */
  readonly configs: Readonly<Record<string, string>>;
  /** Worker settings and the like, for every instance. */
  readonly env?: ExtraEnvironment;
}

/**
 * Creates the schema first (so an unreachable PostgreSQL fails the test with the command that starts
 * it), then the fake GitHub, then the instances. Whatever was started is stopped again when a later
 * step fails.
 */
export async function startClusterRun(options: ClusterRunOptions): Promise<ClusterRun> {
  const schema = await createTestSchema();
  let github: FakeGitHub | undefined;
  try {
    github = await startFakeGitHub({ configs: options.configs });
    const credentials = createCredentials();
    const env = appEnvironment(credentials, github, schema, options.env);
    const cluster = await startCluster({ size: options.size, script: options.script, env });
    const started = github;
    let stopped: Promise<void> | undefined;
    return {
      github: started,
      schema,
      credentials,
      cluster,
      stop() {
        stopped ??= (async () => {
          await cluster.stop();
          await started.stop();
          await dropTestSchema(schema);
        })();
        return stopped;
      },
    };
  } catch (error) {
    await github?.stop();
    await dropTestSchema(schema);
    throw error;
  }
}

import type {
  FakeCheckRun,
  FakeCommit,
  FakeComment,
  FakeDeployment,
  FakeDeploymentStatus,
  FakeOAuthClient,
  FakePermission,
  FakeProtectionReview,
  FakePullRequest,
  FakeRepositoryOptions,
} from "./fake-github-types.js";
import { registerRepository, type FakeRepository } from "./register-repository.js";
import { createUserState, type UserState } from "./user-state.js";

/** What the fake GitHub knows and has been asked to create; the routes read and change it. */
export interface FakeState {
  /** `.github/deploy.yml` by `owner/name`. */
  readonly configs: Map<string, string>;
  /** By `owner/name#number`. */
  readonly pullRequests: Map<string, FakePullRequest>;
  /** By `owner/name:login` (login lower-cased). */
  readonly permissions: Map<string, FakePermission>;
  /** The commits branches and tags point at (`setRef`), by `owner/name:ref` (Git refs never hold a colon). */
  readonly refs: Map<string, string>;
  /** Default branches' histories (`setCommits`), newest first, by `owner/name`. */
  readonly histories: Map<string, readonly FakeCommit[]>;
  readonly defaultPermission: FakePermission;
  /** Installation tokens handed out; other requests must present one. */
  readonly tokens: Set<string>;
  /** The repositories the app is installed on, by `owner/name`. */
  readonly repositories: Map<string, FakeRepository>;
  /** The app's OAuth credentials, when the test gave them. */
  readonly oauthClient: FakeOAuthClient | undefined;
  /** Sign-ins, codes, user tokens and grants of the OAuth web flow. */
  readonly users: UserState;
  readonly deployments: FakeDeployment[];
  readonly deploymentStatuses: FakeDeploymentStatus[];
  readonly checkRuns: FakeCheckRun[];
  readonly comments: FakeComment[];
  readonly protectionReviews: FakeProtectionReview[];
  /** The next id of a kind of object: 1, 2, 3… per kind. */
  nextId(kind: "token" | "deployment" | "status" | "checkRun" | "reaction" | "comment"): number;
}

/** The app's id, as the installations the fake answers name it (`oauth.appId`, default 1). */
export function appIdOf(state: FakeState): number {
  return state.oauthClient?.appId ?? 1;
}

/** What `createFakeState` starts from: `startFakeGitHub`'s options, defaults applied. */
export interface FakeStateOptions {
  readonly configs: Readonly<Record<string, string>>;
  readonly defaultPermission: FakePermission;
  readonly oauthClient?: FakeOAuthClient | undefined;
  readonly repositories?: Readonly<Record<string, FakeRepositoryOptions>> | undefined;
}

/** A state with the given configurations and repositories, and nothing created yet. */
export function createFakeState(options: FakeStateOptions): FakeState {
  const counters = new Map<string, number>();
  const state: FakeState = {
    configs: new Map(Object.entries(options.configs)),
    pullRequests: new Map(),
    permissions: new Map(),
    refs: new Map(),
    histories: new Map(),
    defaultPermission: options.defaultPermission,
    tokens: new Set(),
    repositories: new Map(),
    oauthClient: options.oauthClient,
    users: createUserState(),
    deployments: [],
    deploymentStatuses: [],
    checkRuns: [],
    comments: [],
    protectionReviews: [],
    nextId(kind) {
      const id = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, id);
      return id;
    },
  };
  const repositories = Object.entries(options.repositories ?? {});
  // Explicit installation ids first, so that a default never takes an id a test gave another owner.
  for (const [name, repository] of repositories)
    if (repository.installationId !== undefined) registerRepository(state, name, repository);
  for (const [name, repository] of repositories)
    if (repository.installationId === undefined) registerRepository(state, name, repository);
  for (const name of Object.keys(options.configs)) registerRepository(state, name);
  return state;
}

import type {
  FakeCheckRun,
  FakeComment,
  FakeDeployment,
  FakeDeploymentStatus,
  FakePermission,
  FakePullRequest,
} from "./fake-github-types.js";

/** What the fake GitHub knows and has been asked to create; the routes read and change it. */
export interface FakeState {
  /** `.github/deploy.yml` by `owner/name`. */
  readonly configs: Map<string, string>;
  /** By `owner/name#number`. */
  readonly pullRequests: Map<string, FakePullRequest>;
  /** By `owner/name:login` (login lower-cased). */
  readonly permissions: Map<string, FakePermission>;
  readonly defaultPermission: FakePermission;
  /** Installation tokens handed out; other requests must present one. */
  readonly tokens: Set<string>;
  readonly deployments: FakeDeployment[];
  readonly deploymentStatuses: FakeDeploymentStatus[];
  readonly checkRuns: FakeCheckRun[];
  readonly comments: FakeComment[];
  /** The next id of a kind of object: 1, 2, 3… per kind. */
  nextId(kind: "token" | "deployment" | "status" | "checkRun" | "reaction" | "comment"): number;
}

/** An empty state with the given configurations and default permission. */
export function createFakeState(configs: Readonly<Record<string, string>>, defaultPermission: FakePermission): FakeState {
  const counters = new Map<string, number>();
  return {
    configs: new Map(Object.entries(configs)),
    pullRequests: new Map(),
    permissions: new Map(),
    defaultPermission,
    tokens: new Set(),
    deployments: [],
    deploymentStatuses: [],
    checkRuns: [],
    comments: [],
    nextId(kind) {
      const id = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, id);
      return id;
    },
  };
}

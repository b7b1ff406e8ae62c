import type { Harness } from "../helpers/app-harness.js";
import { GITHUB_API, type RecordedRequest } from "../helpers/mock-github.js";

/** The configuration file, as Deliverybot reads it. */
export const CONFIG_FILE = ".github/deploy.yml";

/** The organisation's `.github` repository file Probot's config plugin falls back to (and `_extends: .github` reads). */
export const ORG_CONFIG_PATH = "/repos/acme/.github/contents/.github%2Fdeploy.yml";

const NOT_FOUND = {
  message: "Not Found",
  documentation_url: "https://docs.github.com/rest/repos/contents#get-repository-content",
};

/** GitHub's 404 answer, as the mock's reply. */
export const notFound = { status: 404, body: NOT_FOUND } as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** The repository's own config file WITHOUT a query: the default-branch read Probot's config API makes. */
export function defaultBranchConfig(h: Harness): RegExp {
  return new RegExp(`^${escapeRegExp(`${h.api}/contents/.github%2Fdeploy.yml`)}$`);
}

/** The repository's config file WITH a query (the read at a pushed commit); check `ref` with {@link refOf}. */
export function configAtCommit(h: Harness): RegExp {
  return new RegExp(`^${escapeRegExp(`${h.api}/contents/.github%2Fdeploy.yml`)}\\?`);
}

/** The org `.github` repository's file, exactly (no query). */
export const ORG_CONFIG = new RegExp(`^${escapeRegExp(ORG_CONFIG_PATH)}$`);

/** The `ref` query parameter of a recorded request, or null. */
export function refOf(request: RecordedRequest): string | null {
  return new URL(request.path, GITHUB_API).searchParams.get("ref");
}

/** The requests to GitHub other than Probot's installation-token exchange, as `METHOD path`. */
export function apiCalls(requests: readonly RecordedRequest[]): string[] {
  return requests.filter((r) => !/\/access_tokens$/.test(r.path)).map((r) => `${r.method} ${r.path}`);
}

/** Delivers a real `push` (the example that lists a commit), to `ref` at `sha`, the commit changing `changed`. */
export function push(h: Harness, options: { ref: string; sha: string; changed?: readonly string[] }) {
  return h.receive("push", {
    index: 4,
    edit: (p) => {
      p.ref = options.ref;
      p.after = options.sha;
      p.deleted = false;
      const [commit] = p.commits;
      if (commit === undefined) throw new Error("the push example lost its commit");
      commit.id = options.sha;
      commit.added = [];
      commit.removed = [];
      commit.modified = [...(options.changed ?? [])];
      p.commits = [commit];
      p.head_commit = { ...commit };
    },
  });
}

/** Delivers a real `status` event for `sha`. */
export function status(
  h: Harness,
  options: { sha: string; context: string; state: "success" | "failure" | "pending"; id: number },
) {
  return h.receive("status", {
    edit: (p) => {
      p.sha = options.sha;
      p.context = options.context;
      p.state = options.state;
      p.id = options.id;
    },
  });
}

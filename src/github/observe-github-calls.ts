import type { ProbotOctokit } from "probot";
import type { Metrics } from "../domain/metrics.js";
import { httpStatusOf } from "./github-fault.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

interface Answer {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string | number | undefined>>;
}

/**
 * Reports each request's answer to `metrics`, by its route template (`GET
 * /repos/{owner}/{repo}/contents/{path}`, so that the label stays small) and GitHub's status; a
 * request GitHub never answered reports a null status. Attach it before caches that answer for
 * GitHub, so that a 304 counts as the free answer it is.
 */
export function observeGitHubCalls(octokit: Octokit, metrics: Pick<Metrics, "githubResponded">): void {
  octokit.hook.wrap("request", async (request, options) => {
    const route = `${options.method} ${options.url}`;
    try {
      const response = await request(options);
      metrics.githubResponded(route, response.status, remaining(response));
      return response;
    } catch (error) {
      const answer = (error as { response?: Answer }).response;
      metrics.githubResponded(route, httpStatusOf(error), answer === undefined ? undefined : remaining(answer));
      throw error;
    }
  });
}

function remaining(answer: Answer): number | undefined {
  const value = Number(answer.headers?.["x-ratelimit-remaining"]);
  return answer.headers?.["x-ratelimit-remaining"] === undefined || !Number.isFinite(value) ? undefined : value;
}

import { describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { observeGitHubCalls } from "./observe-github-calls.js";

type Answer = [number | Error, Record<string, string>?];

/** An Octokit whose requests `answers` serve in turn, with its observed answers. */
function observedOctokit(...answers: Answer[]) {
  const seen: [string, number | null, number | undefined][] = [];
  const octokit = new ProbotOctokit({
    retry: { enabled: false },
    throttle: { enabled: false },
    request: {
      fetch: async () => {
        const [answer, headers = {}] = answers.shift() ?? [500];
        if (answer instanceof Error) throw answer;
        const body = answer === 304 ? null : JSON.stringify({ message: "ok" });
        return new Response(body, { status: answer, headers: { "content-type": "application/json", ...headers } });
      },
    },
  });
  observeGitHubCalls(octokit, { githubResponded: (route, status, remaining) => void seen.push([route, status, remaining]) });
  return { octokit, seen };
}

describe("observeGitHubCalls", () => {
  it("reports each answer by route template and status, with the rate limit left when GitHub says it", async () => {
    const { octokit, seen } = observedOctokit([201, { "x-ratelimit-remaining": "4999" }], [404], [304]);

    await octokit.request("POST /repos/{owner}/{repo}/deployments", { owner: "acme", repo: "shop", ref: "main" });
    await octokit
      .request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner: "acme", repo: "shop", pull_number: 1 })
      .catch(() => undefined);
    await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "shop" }).catch(() => undefined);

    expect(seen).toEqual([
      ["POST /repos/{owner}/{repo}/deployments", 201, 4999],
      ["GET /repos/{owner}/{repo}/pulls/{pull_number}", 404, undefined],
      ["GET /repos/{owner}/{repo}", 304, undefined],
    ]);
  });

  it("reports a request GitHub never answered with a null status, and still fails it", async () => {
    const { octokit, seen } = observedOctokit([Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })]);

    await expect(octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "shop" })).rejects.toThrow();

    expect(seen).toEqual([["GET /repos/{owner}/{repo}", null, undefined]]);
  });
});

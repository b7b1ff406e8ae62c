/** Where GitHub is: its web pages and its REST API. */
export interface GitHubUrls {
  /** `https://github.com`, or a GitHub Enterprise Server's address. */
  readonly web: string;
  /** `https://api.github.com`, or `<server>/api/v3`. */
  readonly api: string;
}

/** GitHub.com, or GitHub Enterprise Server when `GHE_HOST` is set (with `GHE_PROTOCOL`, as Probot reads them). */
export function readGitHubUrls(env: Readonly<Record<string, string | undefined>>): GitHubUrls {
  const host = env["GHE_HOST"];
  if (host === undefined || host === "") return { web: "https://github.com", api: "https://api.github.com" };
  const web = `${env["GHE_PROTOCOL"] || "https"}://${host}`;
  return { web, api: `${web}/api/v3` };
}

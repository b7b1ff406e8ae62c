import type { RecordedRequest } from "./recorded-request.js";

/** One `expect()` of the GitHub mock and how often it was used. */
export interface Expectation {
  label: string;
  calls: number;
  times: number;
  persist: boolean;
}

/** Everything `done()` of the GitHub mock checks. */
export interface GitHubMockReport {
  expectations: Expectation[];
  unmatched: RecordedRequest[];
  invalid: string[];
  failedAssertions: string[];
}

function isUnused(expectation: Expectation): boolean {
  return expectation.persist ? expectation.calls === 0 : expectation.calls < expectation.times;
}

function describeUse(expectation: Expectation): string {
  const wanted = expectation.persist ? "at least 1 request" : `${expectation.times} request(s)`;
  return `${expectation.label} (wanted ${wanted}, got ${expectation.calls})`;
}

function describeRequest(request: RecordedRequest): string {
  const body = request.body === undefined ? "" : ` ${JSON.stringify(request.body)}`;
  const etag = request.headers["if-none-match"];
  return `${request.method} ${request.path}${etag === undefined ? "" : ` (If-None-Match: ${etag})`}${body}`;
}

/** Turns the mock's findings into one message, or `undefined` when there is nothing to report. */
export function formatReport(report: GitHubMockReport): string | undefined {
  const unused = report.expectations.filter(isUnused);
  const sections: Array<[string, string[]]> = [
    ["Requests GitHub's OpenAPI description rejects", report.invalid],
    ["Requests no expectation matched", report.unmatched.map(describeRequest)],
    ["Expectations not (fully) used", unused.map(describeUse)],
    ["Failed request assertions", report.failedAssertions],
  ];
  const lines: string[] = [];
  for (const [title, items] of sections) {
    if (items.length === 0) continue;
    lines.push(`${title}:`, ...items.map((item) => `  - ${item}`));
  }
  if (lines.length === 0) return undefined;
  const open = report.expectations.filter(isUnused).map((e) => e.label);
  const hint =
    report.unmatched.length > 0 && open.length > 0
      ? ["(Paths are compared URL-decoded; Octokit encodes `/` in {path} and {ref} as %2F.)"]
      : [];
  return ["GitHub mock: unexpected HTTP traffic", ...lines, ...hint].join("\n");
}

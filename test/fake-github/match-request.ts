import type { FakeRequest, RequestFilter } from "./fake-github-types.js";

/** Whether a recorded request matches every field the filter gives. */
export function matchesFilter(request: FakeRequest, filter: RequestFilter): boolean {
  return (
    (filter.method === undefined || request.method === filter.method.toUpperCase()) &&
    (filter.route === undefined || request.route === filter.route) &&
    (filter.repo === undefined || request.repo === filter.repo) &&
    (filter.status === undefined || request.status === filter.status) &&
    (filter.rateLimited === undefined || request.rateLimited === filter.rateLimited) &&
    (filter.since === undefined || request.at >= filter.since)
  );
}

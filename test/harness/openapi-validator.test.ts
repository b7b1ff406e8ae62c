import { describe, expect, it } from "@jest/globals";
import { findOperation, validateRequest } from "../helpers/openapi-validator.js";

describe("findOperation", () => {
  it("matches an Octokit-encoded contents path to its template", () => {
    const found = findOperation("get", "/repos/o/r/contents/.github%2Fdeploy.yml?ref=main");

    expect(found).toEqual({
      method: "GET",
      template: "/repos/{owner}/{repo}/contents/{path}",
      operationId: "repos/get-content",
      pathParams: { owner: "o", repo: "r", path: ".github/deploy.yml" },
      query: { ref: "main" },
    });
  });

  it("matches multi-segment refs and tells templates apart by method", () => {
    expect(findOperation("GET", "/repos/o/r/commits/heads/main/status")?.pathParams["ref"]).toBe("heads/main");
    expect(findOperation("GET", "/repos/o/r/deployments")?.operationId).toBe("repos/list-deployments");
    expect(findOperation("POST", "/repos/o/r/deployments")?.operationId).toBe("repos/create-deployment");
    expect(findOperation("DELETE", "/repos/o/r/deployments")).toBeUndefined();
  });
});

describe("validateRequest", () => {
  it("accepts a valid createDeployment body", () => {
    const body = {
      ref: "abc123",
      environment: "production",
      auto_merge: false,
      required_contexts: [],
      payload: { a: 1 },
      description: null,
    };

    expect(validateRequest("POST", "/repos/o/r/deployments", body)).toEqual([]);
  });

  it("reports wrong types, unknown fields and missing required fields", () => {
    const errors = validateRequest("POST", "/repos/o/r/deployments", { auto_merge: "yes", auto_merg: false });

    expect(errors).toEqual([
      "POST /repos/o/r/deployments (repos/create-deployment): body must have required property 'ref'",
      `POST /repos/o/r/deployments (repos/create-deployment): body must NOT have additional properties ("auto_merg")`,
      "POST /repos/o/r/deployments (repos/create-deployment): body/auto_merge must be boolean",
    ]);
  });

  it("reports enum and date-time violations", () => {
    const errors = validateRequest("PATCH", "/repos/o/r/check-runs/5", { status: "done", completed_at: "yesterday" });

    expect(errors.join("\n")).toMatch(
      /body\/status must be equal to one of the allowed values \("queued", "in_progress", "completed", "waiting", "requested", "pending"\)/,
    );
    expect(errors.join("\n")).toMatch(/body\/completed_at must match format "date-time"/);
  });

  it("reports unknown operations, bodies sent to GET and bad parameters", () => {
    expect(validateRequest("POST", "/repos/o/r/merges", { base: "main" })).toEqual([
      "POST /repos/o/r/merges: no such operation in GitHub's OpenAPI description",
    ]);
    expect(validateRequest("GET", "/repos/o/r/deployments", { ref: "x" })).toEqual([
      `GET /repos/o/r/deployments (repos/list-deployments): takes no request body, but one was sent: {"ref":"x"}`,
    ]);
    expect(validateRequest("GET", "/repos/o/r/deployments?per_page=ten&sha=abc&branch=main", undefined)).toEqual([
      `GET /repos/o/r/deployments?per_page=ten&sha=abc&branch=main (repos/list-deployments): parameters must NOT have additional properties ("branch")`,
      "GET /repos/o/r/deployments?per_page=ten&sha=abc&branch=main (repos/list-deployments): parameters/per_page must be integer",
    ]);
    expect(validateRequest("POST", "/repos/o/r/deployments", undefined)).toEqual([
      "POST /repos/o/r/deployments (repos/create-deployment): request body is required",
    ]);
  });
});

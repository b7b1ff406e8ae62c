import { describe, expect, it } from "@jest/globals";
import { INSTALLATION_ID, useAppTests, type Harness } from "../helpers/app-harness.js";
import { deployment, IDEMPOTENCY_KEY } from "../helpers/github-responses.js";
import { apiCalls, defaultBranchConfig, notFound, ORG_CONFIG, ORG_CONFIG_PATH, push, status } from "./config-events.js";

const SHA = "3f4e5d6c7b8a99887766554433221100ffeeddcc";
const TAG_SHA = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
const MAIN = "refs/heads/main";

/** A file in the original Deliverybot (v1) format, legacy `deployments:` lists included. */
const ORIGINAL_V1_EXAMPLE = `review:
  auto_deploy_on: pr
  transient_environment: true
  production_environment: false
  required_contexts:
    - continuous-integration/travis-ci/push

  deployments:
  - environment: pr\${{ pr }}
    description: A review environment for the pull request
    auto_merge: false

canary:
  transient_environment: false
  production_environment: true
  required_contexts:
    - continuous-integration/travis-ci/push

  deployments:
  - environment: production
    description: Canary release
    auto_merge: true
    payload:
      canary: 20%

production:
  auto_deploy_on: refs/heads/main
  transient_environment: false
  production_environment: true
  required_contexts:
    - continuous-integration/travis-ci/push

  deployments:
  - environment: production
    task: deploy:app
    description: Production release of \${{ short_sha }}
    auto_merge: true
    payload:
      replicas: 3
`;

describe("loading .github/deploy.yml end to end", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  const pushMain = (sha = SHA) => push(h, { ref: MAIN, sha });
  const serveConfig = (body: string, etag = '"c1"') =>
    github.expect("GET", defaultBranchConfig(h), { status: 200, body, headers: { etag } });
  const configUnchanged = (etag = '"c1"') => github.expect("GET", defaultBranchConfig(h), { status: 304, ifNoneMatch: etag });

  describe("a repository without configuration", () => {
    it("reads the repository's file and the org's .github file, then does nothing", async () => {
      h = await start();
      github.installationToken(INSTALLATION_ID);
      github.expect("GET", defaultBranchConfig(h), notFound);
      github.expect("GET", ORG_CONFIG, notFound);

      await pushMain();

      github.done();
      expect(apiCalls(github.requests)).toEqual([`GET ${h.api}/contents/.github%2Fdeploy.yml`, `GET ${ORG_CONFIG_PATH}`]);
      expect(await h.store.listDecisions(h.repo.id)).toEqual([]);
      expect(await h.store.listPendingBySha(h.repo.id, SHA)).toEqual([]);
    });

    it("answers a second push within 5 minutes from the negative cache, with 0 GitHub requests", async () => {
      h = await start();
      github.installationToken(INSTALLATION_ID);
      github.expect("GET", defaultBranchConfig(h), notFound);
      github.expect("GET", ORG_CONFIG, notFound);
      await pushMain();
      const before = github.requests.length;

      await pushMain("3f4e5d6c7b8a99887766554433221100ffeedd00");

      github.done();
      expect(github.requests.length).toBe(before);
      expect(github.rateLimitedCount()).toBe(2);
      expect(await h.store.listDecisions(h.repo.id)).toEqual([]);
    });
  });

  describe("an invalid configuration on the default branch", () => {
    it("records config_invalid for a YAML syntax error, naming the file and line, without deploying", async () => {
      h = await start();
      github.installationToken(INSTALLATION_ID);
      serveConfig("production:\n  auto_deploy_on: [refs/heads/main\n");

      await pushMain();

      github.done();
      const decisions = await h.store.listDecisions(h.repo.id);
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({ reason: "config_invalid", target: null, ref: MAIN, sha: SHA });
      expect(decisions[0]?.message).toContain(".github/deploy.yml:3 YAML syntax error");
      expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))).toEqual([]);
    });

    it("records config_invalid for an unknown key, suggesting the key meant and naming the line", async () => {
      h = await start();
      github.installationToken(INSTALLATION_ID);
      serveConfig("production:\n  auto_deploy_on: refs/heads/main\n  enviroment: production\n");

      await pushMain();

      github.done();
      const [decision] = await h.store.listDecisions(h.repo.id);
      expect(decision?.reason).toBe("config_invalid");
      expect(decision?.message).toContain(".github/deploy.yml:3");
      expect(decision?.message).toContain("enviroment");
      expect(decision?.message).toContain("did you mean `environment`?");
    });

    it("records config_invalid for an unknown template variable", async () => {
      h = await start();
      github.installationToken(INSTALLATION_ID);
      serveConfig("production:\n  auto_deploy_on: refs/heads/main\n  environment: pr-${{ branch }}\n");

      await pushMain();

      github.done();
      const [decision] = await h.store.listDecisions(h.repo.id);
      expect(decision?.reason).toBe("config_invalid");
      expect(decision?.message).toContain(".github/deploy.yml:3");
      expect(decision?.message).toContain("${{ branch }}");
    });
  });

  it("merges _extends from the org's .github repository, the repository's lists replacing the org's", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveConfig('_extends: .github\nproduction:\n  required_contexts: ["c"]\n');
    github.expect("GET", ORG_CONFIG, {
      status: 200,
      body: 'production:\n  auto_deploy_on: refs/heads/main\n  environment: production\n  required_contexts: ["a", "b"]\n',
      headers: { etag: '"org1"' },
    });
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(601, SHA) }, (body) => {
      expect(body).toMatchObject({ ref: SHA, environment: "production", required_contexts: ["c"] });
    });
    await status(h, { sha: SHA, context: "c", state: "success", id: 7001 });

    await pushMain();

    github.done();
    expect(apiCalls(github.requests).slice(0, 2)).toEqual([
      `GET ${h.api}/contents/.github%2Fdeploy.yml`,
      `GET ${ORG_CONFIG_PATH}`,
    ]);
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "deployed", target: "production" });
  });

  describe("the v2 format", () => {
    const V2 = (requiredContexts: string) => `version: 2
targets:
  production:
    auto_deploy_on: [refs/heads/main, refs/tags/v*]
    environment: production
${requiredContexts}`;
    const pushTag = () => push(h, { ref: "refs/tags/v1.2.0", sha: TAG_SHA });

    it("deploys a matching tag push at once with required_contexts: []", async () => {
      h = await start();
      github.installationToken(INSTALLATION_ID);
      serveConfig(V2("    required_contexts: []\n"));
      github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(602, TAG_SHA) }, (body) => {
        expect(body).toMatchObject({
          ref: TAG_SHA,
          environment: "production",
          required_contexts: [],
          payload: {
            target: "production",
            ref: "refs/tags/v1.2.0",
            sha: TAG_SHA,
            pr: null,
            trigger: "push",
            idempotency_key: IDEMPOTENCY_KEY,
          },
        });
      });

      await pushTag();

      github.done();
      expect((await h.store.listDecisions(h.repo.id, { sha: TAG_SHA }))[0]).toMatchObject({
        reason: "deployed",
        ref: "refs/tags/v1.2.0",
      });
    });

    it("with required_contexts omitted, waits for a check to report, then deploys without a required_contexts key", async () => {
      h = await start();
      github.installationToken(INSTALLATION_ID);
      serveConfig(V2(""));
      configUnchanged();
      github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(603, TAG_SHA) }, (body) => {
        expect(body).toMatchObject({ ref: TAG_SHA, environment: "production", payload: { ref: "refs/tags/v1.2.0" } });
        expect(body).not.toHaveProperty("required_contexts");
      });

      await pushTag();
      const [waiting] = await h.store.listDecisions(h.repo.id, { sha: TAG_SHA });
      await status(h, { sha: TAG_SHA, context: "ci/test", state: "success", id: 7002 });

      github.done();
      expect(waiting).toMatchObject({ reason: "waiting_for_checks", target: "production" });
      expect((await h.store.listDecisions(h.repo.id, { sha: TAG_SHA }))[0]).toMatchObject({ reason: "deployed" });
    });
  });

  it("runs the original Deliverybot v1 example unchanged, the first legacy deployments entry filling the target", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveConfig(ORIGINAL_V1_EXAMPLE);
    configUnchanged();
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(604, SHA) }, (body) => {
      expect(body).toEqual({
        ref: SHA,
        task: "deploy:app",
        auto_merge: true,
        required_contexts: ["continuous-integration/travis-ci/push"],
        payload: {
          replicas: 3,
          target: "production",
          ref: MAIN,
          sha: SHA,
          pr: null,
          trigger: "push",
          idempotency_key: IDEMPOTENCY_KEY,
        },
        environment: "production",
        description: `Production release of ${SHA.slice(0, 7)}`,
        transient_environment: false,
        production_environment: true,
      });
    });

    await pushMain();
    const [waiting] = await h.store.listDecisions(h.repo.id, { sha: SHA });
    await status(h, { sha: SHA, context: "continuous-integration/travis-ci/push", state: "success", id: 7003 });

    github.done();
    expect(waiting).toMatchObject({ reason: "waiting_for_checks", target: "production" });
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "deployed", target: "production" });
  });
});

import { describe, expect, it } from "@jest/globals";
import { parseHookRequest } from "../../src/hooks/parse-hook-request.js";

const JSON_TYPE = "application/json";
const SHA = "0123456789abcdef0123456789abcdef01234567";

const dockerHub = (pushData: object, repository: object = { repo_name: "acme/shop", name: "shop", namespace: "acme" }) =>
  JSON.stringify({ callback_url: "https://registry.hub.docker.com/u/acme/shop/hook/1/", push_data: pushData, repository });

describe("parseHookRequest", () => {
  it.each([
    ["an empty body", "", undefined, { kind: "default" }],
    ["a body of whitespace, whatever its type", " \n", "text/plain", { kind: "default" }],
    ["an empty object", "{}", JSON_TYPE, { kind: "default" }],
    ["a tag", '{"tag":"v2.0.1"}', JSON_TYPE, { kind: "tag", tag: "v2.0.1" }],
    ["a ref", '{"ref":"release/2026-01"}', JSON_TYPE, { kind: "commit", ref: "release/2026-01", sha: undefined }],
    ["a sha, lower-cased", `{"sha":"${SHA.toUpperCase()}"}`, JSON_TYPE, { kind: "commit", ref: undefined, sha: SHA }],
    ["a ref and a sha", `{"ref":"main","sha":"${SHA}"}`, JSON_TYPE, { kind: "commit", ref: "main", sha: SHA }],
    ["JSON with a charset", '{"tag":"v1"}', "application/json; charset=utf-8", { kind: "tag", tag: "v1" }],
    ["a +json media type", '{"tag":"v1"}', "application/vnd.acme+json", { kind: "tag", tag: "v1" }],
    [
      "a Docker Hub push",
      dockerHub({ pushed_at: 1, pusher: "x", tag: "latest" }),
      JSON_TYPE,
      { kind: "docker_hub", image: "acme/shop", tag: "latest" },
    ],
    [
      "an old Docker Hub push without a tag (latest)",
      dockerHub({ images: ["27d4"], pusher: "x" }),
      JSON_TYPE,
      { kind: "docker_hub", image: "acme/shop", tag: "latest" },
    ],
  ])("reads %s", (_name, body, type, request) => {
    expect(parseHookRequest(body, type)).toEqual({ ok: true, request });
  });

  it.each([
    ["form data", "tag=v1", "application/x-www-form-urlencoded"],
    ["plain text", '{"tag":"v1"}', "text/plain"],
    ["no content type", '{"tag":"v1"}', undefined],
  ])("refuses %s as an unsupported media type", (_name, body, type) => {
    expect(parseHookRequest(body, type)).toEqual({
      ok: false,
      error: "unsupported_media_type",
      message: "Send the body as JSON with `Content-Type: application/json`.",
    });
  });

  it.each([
    ["malformed JSON", '{"tag": "v1"', "The body is not valid JSON."],
    ["an array", '["v1"]', "The body must be a JSON object."],
    ["null", "null", "The body must be a JSON object."],
    ["a string", '"v1"', "The body must be a JSON object."],
    ["an unknown key", '{"version":"1"}', 'Unknown key "version".'],
    ["a tag with a ref", '{"tag":"v1","ref":"main"}', "Send either `tag`, or `ref` and/or `sha`, not both."],
    ["a tag that is no string", '{"tag":2}', "`tag` must be a string."],
    [
      "a tag with a slash",
      '{"tag":"a/b"}',
      "`tag` must be a tag such as v2.0.1: letters, digits, `_`, `.` and `-`, at most 128.",
    ],
    [
      "a tag too long",
      `{"tag":"${"a".repeat(129)}"}`,
      "`tag` must be a tag such as v2.0.1: letters, digits, `_`, `.` and `-`, at most 128.",
    ],
    ["a ref with ..", '{"ref":"a..b"}', "`ref` must be a branch or tag name such as main or v2.0.1."],
    ["a ref with a space", '{"ref":"a b"}', "`ref` must be a branch or tag name such as main or v2.0.1."],
    ["a ref starting with /", '{"ref":"/main"}', "`ref` must be a branch or tag name such as main or v2.0.1."],
    ["a short sha", '{"sha":"abc1234"}', "`sha` must be a full commit SHA: 40 hexadecimal digits."],
    ["a sha that is no hex", `{"sha":"${"g".repeat(40)}"}`, "`sha` must be a full commit SHA: 40 hexadecimal digits."],
    [
      "Docker Hub without a repository",
      JSON.stringify({ push_data: { tag: "x" } }),
      "A Docker Hub notification needs `push_data` and `repository.repo_name`.",
    ],
    [
      "Docker Hub without push_data",
      JSON.stringify({ repository: { repo_name: "a/b" } }),
      "A Docker Hub notification needs `push_data` and `repository.repo_name`.",
    ],
    ["Docker Hub with a numeric tag", dockerHub({ tag: 1 }), "`push_data.tag` must be a string."],
    ["Docker Hub with a bad tag", dockerHub({ tag: "-x" }), "`push_data.tag` is not a Docker tag."],
    [
      "Docker Hub with a bad image",
      dockerHub({ tag: "x" }, { repo_name: "Acme Shop" }),
      "`repository.repo_name` is not a Docker repository name.",
    ],
  ])("refuses %s", (_name, body, message) => {
    expect(parseHookRequest(body, JSON_TYPE)).toEqual({ ok: false, error: "invalid", message });
  });

  it("never echoes a value of the body in its messages", () => {
    const value = "s3cr3t-value";
    const bodies = [
      `{"tag":"${value}`,
      `{"ref":"${value} x"}`,
      `{"sha":"${value}"}`,
      `{"image":"${value}"}`,
      `{"tag":"${value}/"}`,
    ];

    for (const body of bodies) expect(JSON.stringify(parseHookRequest(body, JSON_TYPE))).not.toContain(value);
  });
});

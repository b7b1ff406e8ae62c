import { describe, expect, it } from "@jest/globals";
import { readGitHubUrls } from "./github-urls.js";

describe("readGitHubUrls", () => {
  it.each([
    [{}, { web: "https://github.com", api: "https://api.github.com" }],
    [{ GHE_HOST: "" }, { web: "https://github.com", api: "https://api.github.com" }],
    [{ GHE_HOST: "github.example.com" }, { web: "https://github.example.com", api: "https://github.example.com/api/v3" }],
    [
      { GHE_HOST: "127.0.0.1:4100", GHE_PROTOCOL: "http" },
      { web: "http://127.0.0.1:4100", api: "http://127.0.0.1:4100/api/v3" },
    ],
  ])("reads %j", (env, urls) => {
    expect(readGitHubUrls(env)).toEqual(urls);
  });
});

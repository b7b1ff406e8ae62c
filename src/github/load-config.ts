import type { ProbotOctokit } from "probot";
import { CONFIG_PATH } from "../config/config-path.js";
import { mergeConfigs } from "../config/merge-config.js";
import type { ConfigSourceFile } from "../config/config-sources.js";
import type { ConfigProblem, DeployConfig } from "../config/model.js";
import { parseConfig, parseConfigText } from "../config/parse-config.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import type { ConditionalCache } from "./conditional-cache.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** The configuration as loaded from the default branch. */
export type ConfigLoad =
  | { readonly kind: "missing" }
  | { readonly kind: "invalid"; readonly problems: readonly ConfigProblem[] }
  | {
      readonly kind: "ok";
      readonly config: DeployConfig;
      readonly warnings: readonly ConfigProblem[];
      /** The files it was read from (the repository's own first), to locate further problems. */
      readonly files: readonly ConfigSourceFile[];
    };

/**
 * Loads `.github/deploy.yml` through Probot's config API, so it always comes from the default
 * branch and `_extends` (and the organisation's `.github` repository) work as in every Probot app.
 * Lists are replaced, not concatenated, when files are merged. The raw texts, needed for line
 * numbers, come from the conditional cache the requests went through: no second fetch.
 *
 * `ref` reads the repository's own file at a commit instead — only to report on a changed file
 * (gates never use it); a missing own file is then "missing", whatever the organisation has.
 */
export async function loadConfig(octokit: Octokit, repo: RepoFacts, cache: ConditionalCache, ref?: string): Promise<ConfigLoad> {
  let loaded: Awaited<ReturnType<Octokit["config"]["get"]>>;
  try {
    loaded = await octokit.config.get({
      owner: repo.owner,
      repo: repo.name,
      path: CONFIG_PATH,
      ...(ref === undefined ? {} : { branch: ref }),
      defaults: (configs) => mergeConfigs(configs) as Record<string, unknown>,
    });
  } catch (error) {
    if (!isConfigFileError(error)) throw error;
    return { kind: "invalid", problems: explainUnreadable(octokit, repo, cache, error, ref) };
  }

  const present = loaded.files.filter((file) => file.config !== null);
  if (present.length === 0 || (ref !== undefined && loaded.files[0]?.config === null)) return { kind: "missing" };
  const files = present.map((file) => ({ file: fileLabel(repo, file), text: rawText(cache, file.url) }));
  const parsed = parseConfig({ config: loaded.config, files });
  return parsed.ok
    ? { kind: "ok", config: parsed.config, warnings: parsed.warnings, files }
    : { kind: "invalid", problems: parsed.problems };
}

/** The config plugin reports unparsable files and bad `_extends` with plain errors carrying its prefix. */
function isConfigFileError(error: unknown): error is Error {
  return error instanceof Error && error.message.startsWith("[@probot/octokit-plugin-config]");
}

/** Turns an unparsable file into line-precise problems when its text is at hand. */
function explainUnreadable(
  octokit: Octokit,
  repo: RepoFacts,
  cache: ConditionalCache,
  error: Error,
  ref: string | undefined,
): ConfigProblem[] {
  const { url } = octokit.request.endpoint("GET /repos/{owner}/{repo}/contents/{path}", {
    owner: repo.owner,
    repo: repo.name,
    path: CONFIG_PATH,
    ...(ref === undefined ? {} : { ref }),
  });
  const text = rawText(cache, url);
  const fromText = text === "" ? undefined : parseConfigText(text, CONFIG_PATH);
  if (fromText !== undefined && !fromText.ok && error.message.includes(url)) return [...fromText.problems];
  const message = error.message.replace("[@probot/octokit-plugin-config] ", "");
  return [{ file: CONFIG_PATH, key: "", message: `${message}. Fix the file so it is valid YAML (or a valid _extends).` }];
}

function rawText(cache: ConditionalCache, url: string): string {
  const data = cache.peek(url);
  return typeof data === "string" ? data : "";
}

function fileLabel(repo: RepoFacts, file: { owner: string; repo: string; path: string }): string {
  const own = file.owner === repo.owner && file.repo === repo.name;
  return own ? file.path : `${file.owner}/${file.repo}:${file.path}`;
}

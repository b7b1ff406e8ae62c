import type { ConfigProblem, DeployConfig } from "./model.js";

/** One configuration file as fetched: its name for messages and its raw text for line numbers. */
export interface ConfigSourceFile {
  /** Shown in problems, e.g. `.github/deploy.yml` or `acme/.github:.github/deploy.yml`. */
  readonly file: string;
  readonly text: string;
}

/** What `parseConfig` reads: the merged document and the files it was merged from. */
export interface ConfigSources {
  /** The parsed and merged document (see `mergeConfigs`); `null`/`undefined` for an empty file. */
  readonly config: unknown;
  /** The repository's own file first, then the files it extends; used only to find lines. */
  readonly files: readonly ConfigSourceFile[];
}

/** A loaded configuration with its warnings, or every problem that keeps it from loading. */
export type ParseConfigResult =
  | { readonly ok: true; readonly config: DeployConfig; readonly warnings: readonly ConfigProblem[] }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

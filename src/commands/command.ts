/** The commands Deliverybot answers in pull request comments, by their word after the prefix. */
export const COMMAND_NAMES = [
  "deploy",
  "noop",
  "rollback",
  "promote",
  "approve",
  "reject",
  "lock",
  "unlock",
  "locks",
  "status",
  "why",
  "help",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * What the first line of a comment asks for. `none` is any comment that is not a command
 * (nothing is answered); `unknown` and `invalid` are answered with help.
 */
export type ParsedCommand =
  | { readonly kind: "none" }
  /** The prefix and a word close to a command (`/deplyo`): answered with the suggestion. */
  | { readonly kind: "unknown"; readonly word: string; readonly suggestion: CommandName }
  /** A known command with arguments that do not parse; `message` says what was expected. */
  | { readonly kind: "invalid"; readonly command: CommandName; readonly message: string }
  /**
   * `/deploy [target] [ref] [--force] [| key=value …]`, and `/noop` (dryRun) with the same form.
   * `ref` is a branch, tag or SHA to deploy instead of the pull request's head.
   */
  | {
      readonly kind: "deploy";
      readonly dryRun: boolean;
      readonly target: string | undefined;
      readonly ref: string | undefined;
      readonly force: boolean;
      readonly params: Readonly<Record<string, string>>;
    }
  | { readonly kind: "rollback"; readonly target: string }
  /** `/promote <from> <to> [--force]`: deploys what succeeded in `from`'s environment to `to`. */
  | { readonly kind: "promote"; readonly from: string; readonly to: string; readonly force: boolean }
  /** `/lock <target> [--reason "…"] [--for 2h]` or `/lock --global …`; `forMs` undefined = no expiry. */
  | {
      readonly kind: "lock";
      readonly scope: { readonly global: true } | { readonly global: false; readonly target: string };
      readonly reason: string | undefined;
      readonly forMs: number | undefined;
    }
  | { readonly kind: "unlock"; readonly scope: { readonly global: true } | { readonly global: false; readonly target: string } }
  /** `/approve [target]`: approves the pull request's commit for the target (its `approvals`). */
  | { readonly kind: "approve"; readonly target: string | undefined }
  /** `/reject [target] [reason…]`: rejects it; what waits on it is dropped. */
  | { readonly kind: "reject"; readonly target: string | undefined; readonly reason: string | undefined }
  | { readonly kind: "locks" }
  | { readonly kind: "status" }
  | { readonly kind: "why"; readonly target: string | undefined }
  | { readonly kind: "help" };

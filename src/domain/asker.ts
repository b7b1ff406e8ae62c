/**
 * Who asked for a deploy that waits for its approvals, with what the request said: enough to
 * decide it again, through the same gates, once the approvals are in.
 */
export type Asker =
  /** A `/deploy` or `/promote` comment. `followsHead`: it deploys the pull request's head (no ref named), so a moved head ends it. */
  | {
      readonly kind: "command";
      readonly login: string;
      readonly commentId: number;
      /** The repository's web address, for the links of the reply. */
      readonly repositoryUrl: string;
      readonly followsHead: boolean;
      readonly force: boolean;
      readonly params: Readonly<Record<string, string>>;
    }
  /** The dashboard's deploy form, by the signed-in user. */
  | { readonly kind: "dashboard"; readonly login: string; readonly force: boolean }
  /** An inbound hook, with the image and tag it announced. */
  | { readonly kind: "hook"; readonly name: string; readonly image: string | null; readonly tag: string | null }
  /** `deliverybot deploy` through the admin API. */
  | { readonly kind: "admin" };

/** Who asked, in the words of a reply or a page: "by @dana in a comment", "by hook registry". */
export function describeAsker(asker: Asker): string {
  switch (asker.kind) {
    case "command":
      return `by @${asker.login} in a comment`;
    case "dashboard":
      return `by @${asker.login} on the dashboard`;
    case "hook":
      return `by hook ${asker.name}`;
    case "admin":
      return "through the admin API";
  }
}

import { TARGET_NAME_PATTERN } from "../config/schema.js";
import { quoteInput } from "./quote-input.js";

const TARGET_NAME = new RegExp(TARGET_NAME_PATTERN);
const REF_NAME = /^[A-Za-z0-9._/-]+$/;

/** Why `text` cannot be a target name (the pattern `.github/deploy.yml` allows), or `undefined` when it can. */
export function checkTargetName(text: string): string | undefined {
  if (TARGET_NAME.test(text)) return undefined;
  return `${quoteInput(text)} is not a target name: target names use only letters, digits, ".", "_" and "-"`;
}

/**
 * Why `text` cannot be a branch, tag or SHA to deploy, or `undefined` when it can. Stricter than
 * git on purpose: no spaces, no shell or Markdown characters, no leading `-` (an option to git).
 */
export function checkRefName(text: string): string | undefined {
  if (REF_NAME.test(text) && !text.startsWith("-")) return undefined;
  return `${quoteInput(text)} is not a branch, tag or SHA: use letters, digits, ".", "_", "/" and "-", not starting with "-"`;
}

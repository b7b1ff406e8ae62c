/** A commit's full SHA: 40 hex digits, in either case. */
const FULL_SHA = /^[0-9a-f]{40}$/i;

/** Whether `text` is a full commit SHA (not a branch, a tag or an abbreviated SHA). */
export function isFullSha(text: string): boolean {
  return FULL_SHA.test(text);
}

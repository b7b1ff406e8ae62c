const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * What is wrong with the repository and request id a deploy through the admin API names
 * (`deliverybot deploy`, `deliverybot promote`), before anything is sent; undefined when nothing is.
 */
export function checkDeployArguments(repository: string, requestId: string | undefined): string | undefined {
  if (!REPOSITORY.test(repository)) return `the repository must be owner/name, got "${repository}"`;
  if (requestId !== undefined && !REQUEST_ID.test(requestId)) {
    return `--request-id must be 1 to 100 letters, digits, ".", "_" or "-", got "${requestId}"`;
  }
  return undefined;
}

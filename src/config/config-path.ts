/** Where a repository describes its targets: read from the default branch, validated on every change. */
export const CONFIG_PATH = ".github/deploy.yml";

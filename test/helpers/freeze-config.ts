const HOUR = 3_600_000;

/** An ISO time `.github/deploy.yml` takes (no milliseconds). */
export const iso = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");

/** A configuration whose production target is frozen from an hour before `now` until an hour after. */
export function frozenConfig(now: Date): string {
  return `version: 2
freezes:
  - from: ${iso(now.getTime() - HOUR)}
    to: ${iso(now.getTime() + HOUR)}
    reason: Release freeze
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: []
`;
}

/** A valid v2 file: the README's example. */
export const V2 = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: [ci/test]
  review:
    auto_deploy_on: pr
    environment: pr-\${{ pr }}
    transient_environment: true
    required_contexts: []
`;

/** A valid v1 file; `main` (not a full ref) is a warning in v1. */
export const V1 = `production:
  auto_deploy_on: refs/heads/main
  required_contexts: []
staging:
  auto_deploy_on: main
`;

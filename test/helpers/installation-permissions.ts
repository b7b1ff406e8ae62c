/** The permissions an installation token of Deliverybot carries (app.yml's), as GitHub lists them when it grants one. */
export const INSTALLATION_PERMISSIONS = {
  actions: "read",
  checks: "write",
  contents: "read",
  deployments: "write",
  issues: "write",
  metadata: "read",
  pull_requests: "read",
  statuses: "read",
  members: "read",
  merge_queues: "read",
} as const;

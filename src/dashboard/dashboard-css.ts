/** The few styles Primer does not have: served as a file, since the Content-Security-Policy forbids inline styles. */
export const DASHBOARD_CSS = `
.deployments th, .deployments td, .commits th, .commits td { padding: 6px 8px; text-align: left; border-bottom: 1px solid var(--borderColor-muted, #d0d7de); vertical-align: top; }
.deployments th, .commits th { font-weight: 600; }
.commit-message { overflow-wrap: anywhere; }
.environment { min-width: 220px; }
.gap-1 { gap: 4px; }
.gap-2 { gap: 8px; }
.gap-3 { gap: 16px; }
`;

/** The few styles Primer does not have: served as a file, since the Content-Security-Policy forbids inline styles. */
export const DASHBOARD_CSS = `
.deployments th, .deployments td { padding: 6px 8px; text-align: left; border-bottom: 1px solid var(--borderColor-muted, #d0d7de); vertical-align: top; }
.deployments th { font-weight: 600; }
.environment { min-width: 220px; }
.gap-1 { gap: 4px; }
.gap-2 { gap: 8px; }
.gap-3 { gap: 16px; }
`;

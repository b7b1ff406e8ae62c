import type { ComponentChildren } from "preact";

/** Who is signed in, for the header; the form signs them out (with its CSRF token). */
export interface Viewer {
  readonly login: string;
  readonly avatarUrl: string;
  readonly csrf: string;
}

/** A page that refreshes itself: where to ask for the version, the version it shows, how often. */
export interface Live {
  readonly url: string;
  readonly version: string;
  readonly pollMs: number;
}

/**
 * Every page: GitHub's Primer CSS and ours (both served by the app: the Content-Security-Policy
 * allows no other origin), a header with the product and the signed-in user, the page's content.
 */
export function Layout(props: {
  readonly title: string;
  readonly viewer?: Viewer;
  readonly live?: Live;
  readonly children: ComponentChildren;
}) {
  const live = props.live;
  return (
    <html lang="en" data-color-mode="auto" data-light-theme="light" data-dark-theme="dark">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Deliverybot`}</title>
        <link rel="stylesheet" href="/dashboard/assets/primer.css" />
        <link rel="stylesheet" href="/dashboard/assets/dashboard.css" />
        {live === undefined ? null : <script src="/dashboard/assets/live.js" defer />}
      </head>
      <body>
        <header class="Header">
          <div class="Header-item Header-item--full">
            <a href="/dashboard" class="Header-link f4 d-flex flex-items-center">
              Deliverybot
            </a>
          </div>
          {props.viewer === undefined ? null : (
            <div class="Header-item">
              <img class="avatar avatar-small mr-2" src={props.viewer.avatarUrl} alt="" width={20} height={20} />
              <span class="mr-3" data-testid="viewer">
                {props.viewer.login}
              </span>
              <form method="post" action="/dashboard/auth/logout">
                <input type="hidden" name="csrf" value={props.viewer.csrf} />
                <button type="submit" class="btn btn-sm">
                  Sign out
                </button>
              </form>
            </div>
          )}
        </header>
        {live === undefined ? (
          <main class="container-lg px-3 py-4">{props.children}</main>
        ) : (
          <main class="container-lg px-3 py-4" data-live={live.url} data-version={live.version} data-poll={String(live.pollMs)}>
            {props.children}
          </main>
        )}
      </body>
    </html>
  );
}

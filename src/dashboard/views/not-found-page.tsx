import { Layout, type Viewer } from "./layout.js";

/**
 * A repository that does not exist, is not installed, or that the user cannot see on GitHub: the
 * same page for all three, so the dashboard never tells which repositories exist.
 */
export function NotFoundPage(props: { readonly viewer: Viewer | undefined; readonly what: string }) {
  return (
    <Layout title="Not found" {...(props.viewer === undefined ? {} : { viewer: props.viewer })}>
      <div class="blankslate">
        <h1 class="blankslate-heading">Not found</h1>
        <p>
          {props.what} is not here, or you cannot see it on GitHub. <a href="/dashboard">Your repositories</a>
        </p>
      </div>
    </Layout>
  );
}

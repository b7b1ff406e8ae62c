import { Layout } from "./layout.js";

/** The page of someone not signed in: what the dashboard is, and the button that signs in with GitHub. */
export function SignInPage(props: { readonly returnTo: string; readonly message?: string }) {
  const href = `/dashboard/auth/login?return_to=${encodeURIComponent(props.returnTo)}`;
  return (
    <Layout title="Sign in">
      <div class="Box col-md-6 mx-auto p-4 text-center">
        <h1 class="h2 mb-2">Deliverybot</h1>
        <p class="color-fg-muted mb-4">
          What is deployed where, what waits and why, across the repositories you can see on GitHub.
        </p>
        {props.message === undefined ? null : (
          <div class="flash flash-warn mb-3" role="alert">
            {props.message}
          </div>
        )}
        <a class="btn btn-primary btn-large" href={href} data-testid="sign-in">
          Sign in with GitHub
        </a>
      </div>
    </Layout>
  );
}

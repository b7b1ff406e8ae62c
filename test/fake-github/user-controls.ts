import type { FakeState } from "./fake-github-state.js";
import type { FakeGitHub, FakePermission, FakeRole } from "./fake-github-types.js";
import { registerRepository } from "./register-repository.js";

/** The collaborator permission route's word for each role (it knows no `maintain` or `triage`). */
const COLLABORATOR_PERMISSION: Readonly<Record<FakeRole, FakePermission>> = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
  none: "none",
};

/** GitHub's rule for logins: alphanumerics and single inner hyphens, at most 39 characters. */
const LOGIN = /^(?=.{1,39}$)[a-z\d](?:-?[a-z\d])*$/i;

/** The fake's controls of who signs in and what they may see: see {@link FakeGitHub}. */
export function createUserControls(
  state: FakeState,
): Pick<FakeGitHub, "signInAs" | "denyNextSignIn" | "grantUser" | "expireUserTokens"> {
  return {
    signInAs(login, profile = {}) {
      if (login !== null) assertLogin(login, "signInAs");
      state.users.signedIn = login === null ? undefined : { login, name: profile.name ?? null };
    },
    denyNextSignIn() {
      state.users.deniedSignIns += 1;
    },
    grantUser(login, repository, role) {
      assertLogin(login, "grantUser");
      if (!Object.hasOwn(COLLABORATOR_PERMISSION, role))
        throw new Error(`grantUser: role must be one of ${Object.keys(COLLABORATOR_PERMISSION).join(", ")}, got "${role}"`);
      registerRepository(state, repository);
      const key = login.toLowerCase();
      const grants = state.users.grants.get(key) ?? new Map();
      if (role === "none") grants.delete(repository);
      else grants.set(repository, role);
      state.users.grants.set(key, grants);
      state.permissions.set(`${repository}:${key}`, COLLABORATOR_PERMISSION[role]);
    },
    expireUserTokens() {
      // An expired code or token gets the same answer as an unknown one.
      state.users.codes.clear();
      state.users.accessTokens.clear();
    },
  };
}

function assertLogin(login: string, caller: string): void {
  if (!LOGIN.test(login))
    throw new Error(`${caller}: "${login}" is not a GitHub login (letters, digits and inner hyphens, at most 39)`);
}

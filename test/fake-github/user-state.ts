import { randomBytes } from "node:crypto";
import type { FakeRole } from "./fake-github-types.js";

/** GitHub's lifetimes: codes 10 minutes, expiring user tokens 8 hours, their refresh tokens 6 months. */
const CODE_LIFETIME_MS = 600_000;
const ACCESS_TOKEN_LIFETIME_S = 28_800;
const REFRESH_TOKEN_LIFETIME_S = 15_897_600;

/** A GitHub user who signed in through the fake. */
export interface FakeUser {
  readonly login: string;
  readonly name: string | null;
}

/** What a one-time code or a token stands for. */
interface Issued {
  readonly user: FakeUser;
  /** Epoch ms. */
  readonly expiresAt: number;
}

/** A code, with the `redirect_uri` it was sent to: the exchange must name the same one. */
export interface IssuedCode extends Issued {
  readonly redirectUri: string;
}

/** The OAuth web flow's state, by value of each code and token. */
export interface UserState {
  /** Who the authorize page signs in (`signInAs`). */
  signedIn: FakeUser | undefined;
  /** Sign-ins still to be cancelled (`denyNextSignIn`). */
  deniedSignIns: number;
  readonly codes: Map<string, IssuedCode>;
  readonly accessTokens: Map<string, Issued>;
  readonly refreshTokens: Map<string, Issued>;
  /** Roles by login (lower-cased), then `owner/name`; `none` is never stored. */
  readonly grants: Map<string, Map<string, Exclude<FakeRole, "none">>>;
}

/** The body of a successful `POST /login/oauth/access_token`, as GitHub sends it for a GitHub App with expiring user tokens. */
export interface UserTokens {
  readonly access_token: string;
  readonly expires_in: number;
  readonly refresh_token: string;
  readonly refresh_token_expires_in: number;
  readonly scope: "";
  readonly token_type: "bearer";
}

/** Nobody signed in, nothing handed out. */
export function createUserState(): UserState {
  return {
    signedIn: undefined,
    deniedSignIns: 0,
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    grants: new Map(),
  };
}

/** A new one-time code for `user`, valid for 10 minutes. */
export function issueCode(users: UserState, user: FakeUser, redirectUri: string, at: number): string {
  const code = randomBytes(10).toString("hex");
  users.codes.set(code, { user, redirectUri, expiresAt: at + CODE_LIFETIME_MS });
  return code;
}

/** The code's grant, used up; `undefined` for a code unknown, used or expired. */
export function redeemCode(users: UserState, code: string, at: number): IssuedCode | undefined {
  const issued = users.codes.get(code);
  users.codes.delete(code);
  return issued !== undefined && at < issued.expiresAt ? issued : undefined;
}

/** The refresh token's user, the token used up; `undefined` for a token unknown, used or expired. */
export function redeemRefreshToken(users: UserState, token: string, at: number): FakeUser | undefined {
  const issued = users.refreshTokens.get(token);
  users.refreshTokens.delete(token);
  return issued !== undefined && at < issued.expiresAt ? issued.user : undefined;
}

/** A new access token and refresh token for `user`. */
export function issueUserTokens(users: UserState, user: FakeUser, at: number): UserTokens {
  const accessToken = `ghu_${randomToken(36)}`;
  const refreshToken = `ghr_${randomToken(76)}`;
  users.accessTokens.set(accessToken, { user, expiresAt: at + ACCESS_TOKEN_LIFETIME_S * 1000 });
  users.refreshTokens.set(refreshToken, { user, expiresAt: at + REFRESH_TOKEN_LIFETIME_S * 1000 });
  return {
    access_token: accessToken,
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    refresh_token: refreshToken,
    refresh_token_expires_in: REFRESH_TOKEN_LIFETIME_S,
    scope: "",
    token_type: "bearer",
  };
}

/** The user an `Authorization: token|bearer ghu_…` header names, if the token is known and unexpired. */
export function findTokenUser(users: UserState, authorization: string | undefined, at: number): FakeUser | undefined {
  const [scheme = "", token = ""] = (authorization ?? "").split(" ");
  if (!/^(token|bearer)$/i.test(scheme)) return undefined;
  const issued = users.accessTokens.get(token);
  return issued !== undefined && at < issued.expiresAt ? issued.user : undefined;
}

/** The repositories `login` was granted a role on, by `owner/name`. */
export function grantsOf(users: UserState, login: string): ReadonlyMap<string, Exclude<FakeRole, "none">> {
  return users.grants.get(login.toLowerCase()) ?? new Map();
}

function randomToken(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  // The modulo bias (256 is no multiple of 62) does not matter for a fake.
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

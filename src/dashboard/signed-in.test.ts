import { describe, expect, it } from "@jest/globals";
import { sealData } from "iron-session";
import { avatarUrl, cookieValue, openToken } from "./signed-in.js";

const KEY = "a".repeat(32);

describe("openToken", () => {
  it("opens a token sealed with the session key, and nothing sealed with another key or not sealed at all", async () => {
    const sealed = await sealData({ token: "ghu_user" }, { password: KEY });

    await expect(openToken(sealed, KEY)).resolves.toBe("ghu_user");
    await expect(openToken(sealed, "b".repeat(32))).resolves.toBeUndefined();
    await expect(openToken("not a seal", KEY)).resolves.toBeUndefined();
    await expect(openToken(await sealData({ token: 7 }, { password: KEY }), KEY)).resolves.toBeUndefined();
  });
});

describe("avatarUrl", () => {
  it("points at GitHub.com's avatars host, or at the GitHub Enterprise Server itself", () => {
    expect(avatarUrl("https://github.com", 42)).toBe("https://avatars.githubusercontent.com/u/42?s=40&v=4");
    expect(avatarUrl("https://github.example.com", 42)).toBe("https://github.example.com/avatars/u/42?s=40");
  });
});

describe("cookieValue", () => {
  it("finds one cookie among others, decoded, and nothing for a missing name or header", () => {
    const header = "theme=dark; deliverybot_session=Fe26.2*1*abc~2 ;other=x%3Dy; broken";

    expect(cookieValue(header, "deliverybot_session")).toBe("Fe26.2*1*abc~2");
    expect(cookieValue(header, "other")).toBe("x=y");
    expect(cookieValue(header, "session")).toBeUndefined();
    expect(cookieValue(header, "broken")).toBeUndefined();
    expect(cookieValue(undefined, "theme")).toBeUndefined();
    expect(cookieValue("bad=%E0%A4%A", "bad")).toBe("%E0%A4%A");
  });
});

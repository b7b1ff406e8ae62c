import { describe, expect, it } from "@jest/globals";
import type { TemplateValues } from "./model.js";
import { findUnknownVariables, renderPayload, renderTemplate } from "./render-template.js";

const VALUES: TemplateValues = {
  ref: "refs/heads/feature/<b>x</b>",
  sha: "0123456789abcdef0123456789abcdef01234567",
  short_sha: "0123456",
  pr: "42",
  target: "staging",
  owner: "acme",
  repo: "shop",
};

describe("renderTemplate", () => {
  it.each([
    ["pr${{ pr }}", "pr42"],
    ["pr${{pr}}", "pr42"],
    ["${{   target   }}-${{ owner }}/${{ repo }}", "staging-acme/shop"],
    ["Deploy ${{ ref }} (${{ short_sha }})", "Deploy refs/heads/feature/<b>x</b> (0123456)"],
    ["${{ sha }}", "0123456789abcdef0123456789abcdef01234567"],
    ["no templates", "no templates"],
    ["{{ ref }} and $ref stay", "{{ ref }} and $ref stay"],
    ["${{ branch }} is unknown", "${{ branch }} is unknown"],
  ])("renders %j", (text, expected) => {
    expect(renderTemplate(text, VALUES)).toBe(expected);
  });

  it("does not HTML-escape values (the old Mustache bug)", () => {
    expect(renderTemplate("${{ ref }}", { ...VALUES, ref: "a&b<c>'\"" })).toBe("a&b<c>'\"");
  });

  it("does not interpret replacement patterns in values", () => {
    expect(renderTemplate("${{ ref }}", { ...VALUES, ref: "$& $1 $$" })).toBe("$& $1 $$");
  });
});

describe("renderPayload", () => {
  it("templates every string leaf and leaves keys and other values alone", () => {
    const payload = {
      "${{ target }}": "${{ target }}",
      port: 8080,
      enabled: true,
      nothing: null,
      nested: { url: "https://pr${{ pr }}.example.com", list: ["${{ short_sha }}", 1] },
    };

    const rendered = renderPayload(payload, VALUES);

    expect(rendered).toEqual({
      "${{ target }}": "staging",
      port: 8080,
      enabled: true,
      nothing: null,
      nested: { url: "https://pr42.example.com", list: ["0123456", 1] },
    });
  });

  it("keeps a string that is exactly one template a string", () => {
    const rendered = renderPayload({ pr: "${{ pr }}" }, VALUES);

    expect(rendered).toEqual({ pr: "42" });
    expect(typeof rendered["pr"]).toBe("string");
  });

  it("keeps a __proto__ key as data", () => {
    const payload = JSON.parse('{"__proto__": {"polluted": "${{ pr }}"}}') as { [key: string]: string };

    const rendered = renderPayload(payload, VALUES);

    expect(Object.getPrototypeOf(rendered)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rendered, "__proto__")?.value).toEqual({ polluted: "42" });
  });

  it("does not change its input", () => {
    const payload = { a: "${{ pr }}" };

    renderPayload(payload, VALUES);

    expect(payload).toEqual({ a: "${{ pr }}" });
  });
});

describe("findUnknownVariables", () => {
  it.each([
    ["pr${{ pr }}-${{ref}}", []],
    ["${{ branch }}", ["branch"]],
    ["${{ branch }} ${{ BRANCH }} ${{ branch }}", ["branch", "BRANCH"]],
    ["${{ ref | upper }}", ["ref | upper"]],
    ["${{ }}", [""]],
    ["plain text, {{ ref }}, ${ ref }", []],
  ])("finds %j -> %j", (text, expected) => {
    expect(findUnknownVariables(text)).toEqual(expected);
  });
});

import { describe, expect, it } from "@jest/globals";
import { parseDatabaseUrl, redactDatabaseUrl } from "./database-url.js";
import { searchPathOption, withSearchPath } from "./postgres-search-path.js";

describe("redactDatabaseUrl", () => {
  it.each([
    ["postgres://app:s3cret@db.internal:6432/deliverybot", "postgres://app:***@db.internal:6432/deliverybot"],
    ["postgres://app@db/deliverybot?sslmode=require", "postgres://app@db/deliverybot?sslmode=require"],
    ["postgresql://app:p%40ss@db/x?password=other&sslpassword=k", "postgresql://app:***@db/x?password=***&sslpassword=***"],
    ["postgres://app:p@ss@db:bad/x", "postgres://app:***@db:bad/x"],
    ["no url at all", "no url at all"],
    ["app:hunter2@db:5432/app", "app:***@db:5432/app"],
    ["mysql://app:hunter2@db/app", "mysql://app:***@db/app"],
    ["db/app?password=hunter2&sslmode=require", "db/app?password=***&sslmode=require"],
  ])("%s → %s", (url, redacted) => {
    expect(redactDatabaseUrl(url)).toBe(redacted);
  });
});

describe("parseDatabaseUrl", () => {
  it("reads host, port, user and database, decoded, with the password only in the connection string", () => {
    const parsed = parseDatabaseUrl("postgresql://app%20user:s3cret@db.internal:6432/my%20db?sslmode=require");

    expect(parsed).toEqual({
      connectionString: "postgresql://app%20user:s3cret@db.internal:6432/my%20db?sslmode=require",
      redacted: "postgresql://app%20user:***@db.internal:6432/my%20db?sslmode=require",
      host: "db.internal",
      port: "6432",
      user: "app user",
      database: "my db",
    });
  });

  it("fills in what the driver assumes: localhost, 5432, or the host and port parameters", () => {
    expect(parseDatabaseUrl("postgres:///app")).toMatchObject({ host: "localhost", port: "5432", user: "", database: "app" });
    expect(parseDatabaseUrl("postgres:///app?host=/var/run/postgresql&port=5433")).toMatchObject({
      host: "/var/run/postgresql",
      port: "5433",
    });
  });

  it("keeps a malformed percent sequence as it is", () => {
    expect(parseDatabaseUrl("postgres://a%zz@db/x%zz")).toMatchObject({ user: "a%zz", database: "x%zz" });
  });

  it("names the setting the URL came from", () => {
    expect(() => parseDatabaseUrl("nope", "TEST_DATABASE_URL")).toThrow("TEST_DATABASE_URL is not a valid URL (nope)");
  });
});

describe("the search path option", () => {
  it("quotes the schema for PostgreSQL and its whitespace and backslashes for the options parser", () => {
    expect(searchPathOption("dbot_1_ab")).toBe('-c search_path="dbot_1_ab"');
    expect(searchPathOption('Odd "x" \\ y')).toBe('-c search_path="Odd\\ ""x""\\ \\\\\\ y"');
  });

  it("is added to the URL's own options, last so it wins", () => {
    const url = withSearchPath("postgres://app:pw@db/x?options=-c%20statement_timeout%3D5000&sslmode=disable", "tenant");

    expect(new URL(url).searchParams.get("options")).toBe('-c statement_timeout=5000 -c search_path="tenant"');
    expect(new URL(url).searchParams.get("sslmode")).toBe("disable");
    expect(new URL(url).password).toBe("pw");
  });

  it("refuses a name PostgreSQL would truncate or cannot hold", () => {
    expect(() => searchPathOption("")).toThrow("Schema name must be 1 to 63 bytes");
    expect(() => searchPathOption("é".repeat(32))).toThrow("Schema name must be 1 to 63 bytes");
    expect(searchPathOption("s".repeat(63))).toBe(`-c search_path="${"s".repeat(63)}"`);
  });
});

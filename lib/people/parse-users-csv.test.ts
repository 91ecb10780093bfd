import { describe, expect, it } from "vitest";
import { parseUsersCsv } from "./parse-users-csv";

describe("parseUsersCsv", () => {
  it("reads lines with or without a header, lower-casing emails and roles", () => {
    const text =
      'email,name,role\nAda@Example.com,Ada Lovelace,Annotator\n\n"grace@example.com","Hopper, Grace",lead\n';
    expect(parseUsersCsv(text, { hasProject: true })).toEqual({
      users: [
        { line: 2, email: "ada@example.com", name: "Ada Lovelace", role: "annotator" },
        { line: 4, email: "grace@example.com", name: "Hopper, Grace", role: "lead" },
      ],
      errors: [],
    });
    expect(parseUsersCsv("x@example.com,X,\n", { hasProject: false }).users).toEqual([
      { line: 1, email: "x@example.com", name: "X", role: "user" },
    ]);
  });

  it("names the line and the column of every problem", () => {
    const text = [
      "email,name,role",
      "not-an-email,A,user",
      "b@example.com,,admin",
      "c@example.com,C,boss",
      "d@example.com,D,annotator",
      "e@example.com,E",
      "B@example.com,B again,user",
    ].join("\n");
    expect(parseUsersCsv(text, { hasProject: false }).errors).toEqual([
      { line: 2, path: "email", message: "must be an email address" },
      { line: 3, path: "name", message: "must not be empty" },
      { line: 4, path: "role", message: "must be user, admin, lead, annotator or engineer" },
      { line: 5, path: "role", message: "annotator is a project role: choose a project" },
      { line: 6, path: "csv", message: "has 2 columns; expected email,name,role" },
      { line: 7, path: "email", message: "repeats line 3" },
    ]);
  });

  it("reports a broken quote and an empty file", () => {
    expect(parseUsersCsv('a@example.com,"A,user\n', { hasProject: false }).errors[0]).toMatchObject({
      line: 1,
      path: "csv",
    });
    expect(parseUsersCsv("email,name,role\n", { hasProject: false }).errors).toEqual([
      { line: 1, path: "csv", message: "has no users" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/api-error";
import { toServerErrors, unplacedErrors } from "./server-errors";

describe("toServerErrors", () => {
  it("reads the field errors of an API problem", () => {
    const error = new ApiError({
      status: 400,
      title: "Bad Request",
      detail: "The request body is not valid.",
      errors: [
        { path: "options.1.key", message: "duplicate option key" },
        { path: "options.1.key", message: "second message" },
        { path: "key", message: "taken" },
      ],
    });
    expect(toServerErrors(error)).toEqual({
      message: "The request body is not valid.",
      fields: { "options.1.key": "duplicate option key", key: "taken" },
    });
  });

  it("keeps only the message of other errors", () => {
    expect(toServerErrors(new Error("Network down"))).toEqual({ message: "Network down", fields: {} });
    expect(toServerErrors("weird")).toEqual({ message: "Saving failed. Try again.", fields: {} });
  });
});

describe("unplacedErrors", () => {
  it("lists errors for paths no field shows", () => {
    const fields = {
      key: "a",
      "options.0.hotkey": "b",
      "labels.-2": "c",
      "(root)": "d",
      "options.0.extra": "e",
    };
    expect(unplacedErrors(fields)).toEqual([
      { path: "(root)", message: "d" },
      { path: "options.0.extra", message: "e" },
    ]);
  });
});

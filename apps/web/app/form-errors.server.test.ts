import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formErrors } from "./form-errors.server";

describe("formErrors", () => {
  it("puts each zod issue on its field, first message wins", () => {
    const parsed = z
      .object({
        slug: z.string().min(3, "Too short."),
        name: z.string().min(1, "Enter your name."),
      })
      .safeParse({ slug: "a", name: "" });
    const error = new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
    expect(formErrors(error)).toEqual({ fields: { slug: "Too short.", name: "Enter your name." } });
  });

  it("puts a known service error on the field it concerns", () => {
    const error = new TRPCError({ code: "CONFLICT", message: "The address /demo is taken." });
    expect(formErrors(error, { CONFLICT: "slug" })).toEqual({
      fields: { slug: "The address /demo is taken." },
    });
  });

  it("shows other client errors as a form error and rethrows server errors", () => {
    expect(formErrors(new TRPCError({ code: "FORBIDDEN", message: "Not yours." }))).toEqual({
      fields: {},
      form: "Not yours.",
    });
    const crash = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "boom" });
    expect(() => formErrors(crash)).toThrow(crash);
    expect(() => formErrors(new Error("not tRPC"))).toThrow("not tRPC");
  });
});

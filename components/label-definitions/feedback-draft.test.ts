import { describe, expect, it } from "vitest";
import { draftFromInput, emptyDraft, inputFromDraft, validateDraft } from "./definition-draft";
import { previewItemFor } from "./preview-item";
import type { TLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import { ZLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";

describe("definition drafts of rankings and rubrics", () => {
  it("round-trip through the form", () => {
    const ranking: TLabelDefinitionInput = {
      key: "rank",
      kind: "ranking",
      responsesField: "answers",
      promptField: "q",
      allowTies: true,
      required: true,
    } as const;
    expect(inputFromDraft(draftFromInput(ranking))).toEqual(ranking);
    const rubric: TLabelDefinitionInput = {
      key: "quality",
      kind: "rubric",
      required: true,
      conversationTarget: "last_assistant_turn",
      criteria: [{ key: "helpful", min: 1, max: 5, minLabel: "no", maxLabel: "very" }],
    };
    expect(inputFromDraft(draftFromInput(rubric))).toEqual(rubric);
  });

  it("names the criterion field that is wrong", () => {
    const draft = { ...emptyDraft(), key: "q", kind: "rubric" as const };
    draft.criteria = [{ ...draft.criteria[0], key: "helpful", min: "5", max: "1" }];
    expect(validateDraft(draft).errors).toEqual({ "criteria.0.max": "max must be greater than min" });
  });

  it("previews a ranking on sample responses, and a conversation when the definition targets one", () => {
    const spec = ZLabelDefinitionSpec.parse({
      key: "r",
      kind: "ranking",
      promptField: "p",
      conversationTarget: "all_assistant_turns",
    });
    const item = previewItemFor(spec);
    expect((item.data.responses as string[]).length).toBe(4);
    expect(item.data.p).toEqual(expect.any(String));
    expect(Array.isArray(item.data.conversation)).toBe(true);
  });
});

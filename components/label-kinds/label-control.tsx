"use client";

import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import type { TLabelControlProps } from "./control-types";
import { FreeTextControl } from "./free-text-control";
import { asInteger, asPairwise, asRanking, asRubric, asSpans, asString, asStringArray } from "./label-values";
import { MultiChoiceControl } from "./multi-choice-control";
import { PairwiseControl } from "./pairwise-control";
import { RankingControl } from "./ranking-control";
import { RatingControl } from "./rating-control";
import { RubricControl } from "./rubric-control";
import { SingleChoiceControl } from "./single-choice-control";
import { SpansControl } from "./spans-control";

/**
 * The control for a definition, picked by its kind. `value` and `suggestion` are narrowed to the
 * kind's type; one that does not fit (e.g. left over from another kind) shows as unanswered.
 */
export function LabelControl({
  spec,
  value,
  onChange,
  item,
  suggestion,
  isActive,
  sidesFlipped,
}: TLabelControlProps<TLabelDefinitionSpec, TLabelValue>) {
  const common = { item, isActive, onChange };
  switch (spec.kind) {
    case "single_choice":
      return (
        <SingleChoiceControl
          {...common}
          spec={spec}
          value={asString(value)}
          suggestion={asString(suggestion)}
        />
      );
    case "multi_choice":
      return (
        <MultiChoiceControl
          {...common}
          spec={spec}
          value={asStringArray(value)}
          suggestion={asStringArray(suggestion)}
        />
      );
    case "rating":
      return (
        <RatingControl {...common} spec={spec} value={asInteger(value)} suggestion={asInteger(suggestion)} />
      );
    case "spans":
      return <SpansControl {...common} spec={spec} value={asSpans(value)} suggestion={asSpans(suggestion)} />;
    case "pairwise":
      return (
        <PairwiseControl
          {...common}
          spec={spec}
          value={asPairwise(value)}
          suggestion={asPairwise(suggestion)}
          sidesFlipped={sidesFlipped}
        />
      );
    case "free_text":
      return (
        <FreeTextControl {...common} spec={spec} value={asString(value)} suggestion={asString(suggestion)} />
      );
    case "ranking":
      return (
        <RankingControl {...common} spec={spec} value={asRanking(value)} suggestion={asRanking(suggestion)} />
      );
    case "rubric":
      return (
        <RubricControl {...common} spec={spec} value={asRubric(value)} suggestion={asRubric(suggestion)} />
      );
  }
}

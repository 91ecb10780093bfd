import { useState } from "react";

/**
 * A control's value as the person chose it, shown in the same render as their change: a controlled
 * input that waits for the mutation's own state (TanStack Query tells React a tick later) flicks back
 * to the old value meanwhile, and a test or a person acting in that tick sees the wrong one. `drop`
 * (on a refusal) shows the server's value again; so does the server's next value (the page's refresh
 * after the change), so an old choice never hides what the server says later.
 */
export function useChosenValue<T>(serverValue: T) {
  const [chosen, setChosen] = useState<{ value: T } | null>(null);
  const [seen, setSeen] = useState(serverValue);
  if (!Object.is(seen, serverValue)) {
    // Reset during render, not in an effect, so no frame shows the old choice over the new value.
    setSeen(serverValue);
    setChosen(null);
  }
  return {
    value: chosen ? chosen.value : serverValue,
    choose: (value: T) => setChosen({ value }),
    drop: () => setChosen(null),
  };
}

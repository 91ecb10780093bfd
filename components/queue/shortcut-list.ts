/** Every workspace key, as shown in the shortcuts dialog (and kept in step with queue-keys.ts). */
export const SHORTCUT_GROUPS: { title: string; shortcuts: { keys: string[][]; action: string }[] }[] = [
  {
    title: "Answering",
    shortcuts: [
      { keys: [["1"], ["a"]], action: "Choose or toggle the option with that key (shown on the option)" },
      { keys: [["1"], ["-"], ["+"]], action: "Rating: pick a value, or step down and up" },
      { keys: [["a"], ["b"], ["t"]], action: "Comparison: A is better, B is better, tie" },
      {
        keys: [
          ["Shift", "←"],
          ["Shift", "→"],
        ],
        action: "Spans: select text (Ctrl/Alt for words), then press a label’s key",
      },
      { keys: [["Delete"]], action: "Spans: remove the span at the caret" },
      { keys: [["Space"]], action: "Press the focused button" },
    ],
  },
  {
    title: "Moving between questions",
    shortcuts: [
      { keys: [["↓"], ["Tab"]], action: "Next question" },
      { keys: [["↑"], ["Shift", "Tab"]], action: "Previous question" },
      { keys: [["Esc"]], action: "Leave a text box (then the keys above work again)" },
    ],
  },
  {
    title: "Items",
    shortcuts: [
      { keys: [["Enter"]], action: "Submit and go to the next item (or save a changed earlier answer)" },
      { keys: [["Ctrl", "Enter"]], action: "Submit, also from inside a text box" },
      { keys: [["]"], ["Alt", "S"]], action: "Skip this item (press twice if you have answered something)" },
      {
        keys: [["["], ["Alt", "B"]],
        action: "Go back to your previous item to change it; again for older ones",
      },
      { keys: [["]"]], action: "While going back: the next newer item, then your current one" },
      { keys: [["Esc"]], action: "While going back: return to your current item" },
    ],
  },
  {
    title: "Help",
    shortcuts: [
      { keys: [["Alt", "G"]], action: "Show or hide the guidelines" },
      { keys: [["?"]], action: "Show or hide this list" },
    ],
  },
];

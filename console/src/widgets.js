// Small pieces shared by the pages.
import { h } from "./dom.js";
import { announce } from "./status.js";

/** A button that copies text to the clipboard and says so in the status line. */
export function copyButton(text, what) {
  return h(
    "button",
    {
      type: "button",
      class: "small",
      "aria-label": `Copy ${what}`,
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(text);
          announce(`Copied ${text}`);
        } catch {
          announce(`Could not copy; select the text instead: ${text}`);
        }
      },
    },
    "Copy",
  );
}

/** A wide table that scrolls sideways on a phone, and by keyboard (the region takes focus). */
export function scrollingTable(label, table) {
  return h("div", { class: "table-scroll", role: "region", "aria-label": label, tabindex: "0" }, table);
}

export function tagList(tags) {
  return tags.length === 0 ? h("span", { class: "muted" }, "none") : h("ul", { class: "tags" }, tags.map((tag) => h("li", {}, tag)));
}

/**
 * Asks before something that can't be undone, in a modal <dialog> (focus moves into it; Escape cancels).
 * Resolves true when confirmed.
 */
export function confirmDialog(question, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = h(
      "dialog",
      { class: "confirm", "aria-labelledby": "confirm-question" },
      h("p", { id: "confirm-question" }, question),
      h(
        "form",
        { method: "dialog", class: "actions" },
        h("button", { type: "submit", value: "cancel", class: "secondary", autofocus: true }, "Cancel"),
        h("button", { type: "submit", value: "confirm", class: "danger" }, confirmLabel),
      ),
    );
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "confirm");
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

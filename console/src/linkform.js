// The form of a link, for creating one (URL, alias, expiry, tags) and for editing one (URL, expiry, tags).
import { field, h } from "./dom.js";
import { fromLocalInput, parseTags, toLocalInput } from "./format.js";
import { clearProblem, problemArea, showProblem } from "./problems.js";

/**
 * A card with a heading, the problem area, the fields and the buttons. Each submit clears the last problem and runs
 * submit(); what that throws is shown, the field it names marked. buttons(failed) makes the buttons; failed(error)
 * shows a failure of another button the same way.
 */
export function linkForm({ id, heading, fields, submit, buttons }) {
  const problem = problemArea();
  const failed = (error) => showProblem(problem, error, form);
  const form = h(
    "form",
    {
      class: "card",
      novalidate: true,
      "aria-labelledby": id,
      onsubmit: async (event) => {
        event.preventDefault();
        clearProblem(problem, form);
        try {
          await submit();
        } catch (error) {
          failed(error);
        }
      },
    },
    h("h2", { id }, heading),
    problem,
    h("div", { class: "grid" }, fields.rows),
    formActions(...buttons(failed)),
  );
  return form;
}

export function linkFields({ link, withAlias }) {
  const url = field("Destination URL", {
    type: "url",
    name: "url",
    required: true,
    inputmode: "url",
    autocomplete: "url",
    placeholder: "https://example.com/a/long/path",
    value: link?.url ?? "",
  });
  const alias = withAlias
    ? field("Alias (optional)", { name: "alias", autocomplete: "off", hint: "3–64 letters, digits, - or _; a code is made when empty." })
    : null;
  const expires = field("Expires (optional)", {
    type: "datetime-local",
    name: "expiresAt",
    value: toLocalInput(link?.expiresAt),
    hint: "Your local time. Empty: the link never expires.",
  });
  const tags = field("Tags (optional)", {
    name: "tags",
    autocomplete: "off",
    value: (link?.tags ?? []).join(", "),
    hint: "Up to 10, separated by commas: a–z, 0–9, - and _.",
  });
  return {
    rows: [url.row, alias?.row, expires.row, tags.row],
    /** The request body; for an edit, every field is sent, so clearing expiry or tags clears them. */
    body() {
      const body = { url: url.input.value.trim() };
      if (alias && alias.input.value.trim()) {
        body.alias = alias.input.value.trim();
      }
      const expiresAt = fromLocalInput(expires.input.value);
      if (expiresAt || link) {
        body.expiresAt = expiresAt;
      }
      const tagValues = parseTags(tags.input.value);
      if (tagValues.length > 0 || link) {
        body.tags = tagValues;
      }
      return body;
    },
    reset() {
      for (const input of [url.input, alias?.input, expires.input, tags.input]) {
        if (input) {
          input.value = "";
        }
      }
    },
  };
}

export function formActions(...buttons) {
  return h("div", { class: "actions" }, ...buttons);
}

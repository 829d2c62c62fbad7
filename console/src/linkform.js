// The fields of a link, for creating one (URL, alias, expiry, tags) and for editing one (URL, expiry, tags).
import { field, h } from "./dom.js";
import { fromLocalInput, parseTags, toLocalInput } from "./format.js";

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

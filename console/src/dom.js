// Elements are built with the DOM API only: text is always set as text, never parsed as markup, so a link's
// destination, tags or a problem's detail can't inject anything (and no inline style is needed, which the
// console's Content-Security-Policy would refuse).

/**
 * h("a", {href: "#/x", class: "c", onclick: fn}, "text", child, ...): an element with attributes, listeners
 * (on<event>) and children (strings become text nodes; null, undefined and false are skipped).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "style") {
      throw new Error("no style attributes: the CSP forbids them; use a class");
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

let fieldIds = 0;

/** A labelled form field: {row, input}. options: {type, name, value, required, hint, ...input attributes}. */
export function field(label, options = {}) {
  const id = `field-${++fieldIds}`;
  const { hint, tag = "input", children = [], ...attributes } = options;
  const hintId = hint ? `${id}-hint` : null;
  const input = h(tag, { id, "aria-describedby": hintId, ...attributes }, ...children);
  const row = h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    input,
    hint ? h("p", { class: "hint", id: hintId }, hint) : null,
  );
  return { row, input };
}

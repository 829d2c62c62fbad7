// Shows an API problem where the person is looking: its title and detail in the form's alert area, and the field
// it names (problem.field) marked invalid, so a screen reader announces both. What was typed stays in the form.
import { h, replace } from "./dom.js";

export function problemArea() {
  return h("div", { class: "problem", role: "alert", hidden: true });
}

export function showProblem(area, error, form) {
  const problem = error.problem ?? { title: "Something went wrong", detail: String(error.message ?? error) };
  replace(
    area,
    h("p", { class: "problem-title" }, problem.title),
    problem.detail && problem.detail !== problem.title ? h("p", {}, problem.detail) : null,
  );
  area.hidden = false;
  if (form) {
    for (const input of form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
    }
    const at = problem.field && form.querySelector(`[name="${CSS.escape(problem.field)}"]`);
    if (at) {
      at.setAttribute("aria-invalid", "true");
      at.focus();
    }
  }
}

export function clearProblem(area, form) {
  area.hidden = true;
  area.replaceChildren();
  for (const input of form?.querySelectorAll("[aria-invalid]") ?? []) {
    input.removeAttribute("aria-invalid");
  }
}

// Sign in by pasting an API key. The key is checked with one small listing request before it is kept.
import { api, ApiError, signIn } from "./api.js";
import { field, h } from "./dom.js";
import { problemArea, showProblem } from "./problems.js";

export function signInPage(main, { message, done }) {
  const key = field("API key", {
    type: "password",
    name: "apiKey",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    hint: "Starts with shk_. It is kept in this browser tab only, until you sign out or close it.",
  });
  const problem = problemArea();
  const form = h(
    "form",
    {
      class: "card narrow",
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const value = key.input.value.trim();
        if (!value) {
          showProblem(problem, { problem: { title: "Paste your API key", detail: "The console signs in with an API key (X-Api-Key)." } });
          key.input.focus();
          return;
        }
        try {
          await api("GET", "/api/links?limit=1", { key: value });
          signIn(value);
          done();
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) {
            showProblem(problem, {
              problem: {
                title: "That API key was not accepted",
                detail: `${error.problem.detail ?? ""} Check that you pasted the whole key.`.trim(),
              },
            });
          } else {
            showProblem(problem, error);
          }
          key.input.setAttribute("aria-invalid", "true");
          key.input.focus();
        }
      },
    },
    h("h1", {}, "Sign in"),
    message ? h("p", { class: "notice" }, message) : null,
    problem,
    key.row,
    h("button", { type: "submit" }, "Sign in"),
  );
  main.replaceChildren(form);
  key.input.focus();
}

// The console's entry point: a hash router (#/links, #/link/<code>, #/overview), so the page is one static file
// and a reload keeps the place. Without a key in this tab's sessionStorage, every route shows the sign-in form.
import "./console.css";
import { apiKey, signOut, whenUnauthorised } from "./api.js";
import { linkPage } from "./link.js";
import { linksPage } from "./links.js";
import { overviewPage } from "./overview.js";
import { signInPage } from "./signin.js";
import { announce } from "./status.js";

const main = document.getElementById("main");
const nav = document.getElementById("nav");

function route() {
  const hash = location.hash.replace(/^#/, "") || "/links";
  const [path, query = ""] = hash.split("?");
  if (!apiKey()) {
    showSignIn();
    return;
  }
  nav.hidden = false;
  for (const link of nav.querySelectorAll("a")) {
    link.toggleAttribute("aria-current", path.startsWith(link.getAttribute("href").slice(1)));
    if (link.hasAttribute("aria-current")) {
      link.setAttribute("aria-current", "page");
    }
  }
  const code = path.match(/^\/link\/(.+)$/);
  let page;
  if (code) {
    page = linkPage(main, decodeURIComponent(code[1]));
    document.title = `${decodeURIComponent(code[1])} · Short links console`;
  } else if (path === "/overview") {
    page = overviewPage(main);
    document.title = "Overview · Short links console";
  } else {
    page = linksPage(main, new URLSearchParams(query));
    document.title = "Links · Short links console";
  }
  page.finally(() => main.setAttribute("data-ready", path));
}

function showSignIn(message) {
  nav.hidden = true;
  document.title = "Sign in · Short links console";
  main.removeAttribute("data-ready");
  signInPage(main, {
    message,
    done: () => {
      announce("Signed in");
      route();
    },
  });
  main.setAttribute("data-ready", "/sign-in");
}

whenUnauthorised(() => {
  signOut();
  showSignIn("Your API key is no longer accepted (it may have been revoked). Sign in again.");
});

document.getElementById("sign-out").addEventListener("click", () => {
  signOut();
  location.hash = "#/links";
  showSignIn("Signed out. The key is forgotten in this browser.");
});

window.addEventListener("hashchange", () => {
  main.removeAttribute("data-ready");
  route();
  main.focus();
});
route();

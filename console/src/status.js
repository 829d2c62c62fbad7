// The polite live region under the header: short confirmations ("Link created") that a screen reader reads out.
const region = () => document.getElementById("status");

let timer = null;

export function announce(message) {
  const element = region();
  element.textContent = message;
  clearTimeout(timer);
  timer = setTimeout(() => {
    element.textContent = "";
  }, 8000);
}

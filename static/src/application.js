// Starts the GOV.UK Frontend components our pages use (including "Exit this page" and its
// 3 x Shift shortcut). scripts/build_assets.py bundles this with esbuild, keeping only the
// components imported here: when a page starts using another component with a
// data-module, import it and add it to the list (a test checks every page's modules are
// here). Loaded as a module, so browsers too old for GOV.UK Frontend skip it and get the
// pages without JavaScript, which work in full.
import {
  Button,
  Checkboxes,
  createAll,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink,
} from "govuk-frontend";

for (const Component of [
  Button,
  Checkboxes,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink,
]) {
  createAll(Component);
}

// The search panel on the results page is folded on phones and open beside the results
// from tablet width up. CSS opens it where a browser can style <details> (so it works with
// JavaScript off); here it is opened properly, so its state is announced as open too.
const searchPanel = document.querySelector(".app-filter-panel");
if (searchPanel && window.matchMedia("(min-width: 40.0625em)").matches) {
  searchPanel.open = true;
}

// "Print this list": a button only where JavaScript can press Print (the page says how to
// print from the browser's menu otherwise).
for (const button of document.querySelectorAll("[data-app-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

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

// "Save to my list" without loading the page again: the same form, sent by fetch; the
// server answers with the button's new words, what to announce and the new header. Any
// failure falls back to sending the form as usual (which works with JavaScript off too).
const listForm = document.getElementById("app-list-form");
if (listForm && window.fetch) {
  const announcer = document.createElement("div");
  announcer.className = "govuk-visually-hidden";
  announcer.setAttribute("role", "status");
  document.body.append(announcer);

  listForm.addEventListener("submit", async (event) => {
    const button = event.submitter;
    if (!button || !button.closest(".app-save")) return;
    event.preventDefault();
    let answer;
    try {
      const response = await fetch(listForm.action, {
        method: "POST",
        body: new FormData(listForm, button),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(response.statusText);
      answer = await response.json();
    } catch {
      const choice = document.createElement("input");
      choice.type = "hidden";
      choice.name = button.name;
      choice.value = button.value;
      listForm.append(choice);
      listForm.submit();
      return;
    }
    if (answer.go) {
      window.location.assign(answer.go);
      return;
    }
    const save = button.closest(".app-save");
    button.name = answer.saved ? "remove" : "add";
    button.firstChild.textContent = answer.label;
    save.querySelector(".app-save__tag")?.remove();
    if (answer.saved) {
      const tag = document.createElement("strong");
      tag.className = "govuk-tag govuk-tag--green app-save__tag";
      tag.textContent = answer.tag;
      save.prepend(tag);
    }
    const header = document.querySelector(".govuk-template__header");
    if (header) {
      header.insertAdjacentHTML("afterend", answer.header);
      header.remove();
      createAll(ServiceNavigation, {}, document.querySelector(".govuk-template__header"));
    }
    announcer.textContent = answer.message;
    button.focus();
  });
}

// A job's progress page: without JavaScript it refreshes itself (a <noscript> meta
// refresh); here the counts are fetched every two seconds and written into the page, whose
// status line is announced politely. When the job ends the page is loaded again to show
// the outcome; a failed fetch leaves the page's own "Refresh" link to use.
const job = document.querySelector("[data-app-job-status]");
if (job && window.fetch) {
  const bar = document.getElementById("app-job-bar");
  const doing = document.getElementById("app-job-doing");
  const counted = document.getElementById("app-job-counted");
  const poll = async () => {
    try {
      const response = await fetch(job.dataset.appJobStatus, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const status = await response.json();
      if (status.finished) {
        window.location.reload();
        return;
      }
      bar.value = status.percent;
      bar.textContent = `${status.percent}%`;
      doing.textContent = status.doing;
      if (counted.textContent !== status.counted) counted.textContent = status.counted;
    } catch {
      return;
    }
  };
  window.setInterval(poll, 2000);
}

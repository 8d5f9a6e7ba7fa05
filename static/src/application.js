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

// Sharing a list: "Copy link" where the browser lets a page write to the clipboard, and
// "Share" where it has the phone's own share sheet (navigator.share). Without them the
// link and the QR code are still there to copy, send or scan.
const shareStatus = document.querySelector(".app-share__status");
for (const button of document.querySelectorAll("[data-app-copy]")) {
  if (!navigator.clipboard?.writeText) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.appCopy);
      if (shareStatus) shareStatus.textContent = button.dataset.appCopied;
    } catch {
      return;
    }
  });
}
for (const button of document.querySelectorAll("[data-app-share]")) {
  if (typeof navigator.share !== "function") continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.share({ title: button.dataset.appShareTitle, url: button.dataset.appShare });
    } catch {
      return;
    }
  });
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
    // A service shown twice on a page (needs first: under two needs) changes everywhere.
    const sameService = listForm.ownerDocument.querySelectorAll(
      `.app-save__button[value="${CSS.escape(button.value)}"]`,
    );
    for (const each of sameService) {
      const save = each.closest(".app-save");
      each.name = answer.saved ? "remove" : "add";
      each.firstChild.textContent = answer.label;
      save.querySelector(".app-save__tag")?.remove();
      if (answer.saved) {
        const tag = document.createElement("strong");
        tag.className = "govuk-tag govuk-tag--green app-save__tag";
        tag.textContent = answer.tag;
        save.prepend(tag);
      }
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

// A practitioner's plan: notes are kept (in their session) a second after typing stops and
// when the page is left, so they survive moving between pages. Without JavaScript, "Save
// notes" (and every other button of the form) keeps them.
const planForm = document.querySelector("[data-app-plan-save]");
if (planForm && window.fetch) {
  const address = planForm.dataset.appPlanSave;
  let timer;
  let unsaved = false;
  const keep = () => {
    unsaved = false;
    fetch(address, {
      method: "POST",
      body: new FormData(planForm),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).catch(() => {
      unsaved = true;
    });
  };
  planForm.addEventListener("input", () => {
    unsaved = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(keep, 1000);
  });
  window.addEventListener("pagehide", () => {
    if (unsaved) navigator.sendBeacon(address, new FormData(planForm));
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

// "Add another" rows (phones, costs, opening times on the listing forms). Without
// JavaScript the "Add another" and "Remove" buttons send the form and the page comes back
// with the row added or removed; here they change the page in place. A new row is a copy of
// the last, emptied and renumbered; focus moves to its first input, or after a removal to
// the row that took its place, and each change is announced.
const rowLists = document.querySelectorAll("[data-app-add-another]");
if (rowLists.length) {
  const announcer = document.createElement("div");
  announcer.className = "govuk-visually-hidden";
  announcer.setAttribute("role", "status");
  document.body.append(announcer);
  const renamed = (value, from, to) =>
    value
      .split(" ")
      .map((part) => (part.startsWith(`${from}-`) ? to + part.slice(from.length) : part))
      .join(" ");

  for (const list of rowLists) {
    const rows = () => [...list.querySelectorAll(":scope > fieldset > .app-add-another__item")];
    const title = (number) => list.dataset.appItem.replace("__NUMBER__", number);
    const say = (template, number) => {
      announcer.textContent = template.replace("__NUMBER__", number);
    };
    const renumber = () => {
      rows().forEach((row, index) => {
        row.querySelector(".app-add-another__title").textContent = title(index + 1);
        row.querySelector(".app-add-another__remove .govuk-visually-hidden").textContent =
          ` ${title(index + 1)}`;
      });
    };
    const empty = (row) => {
      for (const input of row.querySelectorAll("input")) input.value = "";
      for (const message of row.querySelectorAll(".govuk-error-message")) message.remove();
      for (const group of row.querySelectorAll(".govuk-form-group--error")) {
        group.classList.remove("govuk-form-group--error");
      }
      for (const input of row.querySelectorAll(".govuk-input--error")) {
        input.classList.remove("govuk-input--error");
      }
    };

    list.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button || button.closest("[data-app-add-another]") !== list) return;
      const all = rows();
      if (button.classList.contains("app-add-another__add")) {
        event.preventDefault();
        const last = all[all.length - 1];
        const numbers = all.map((row) => Number(row.dataset.appRow.split("-").pop()));
        const from = last.dataset.appRow;
        const to = from.replace(/\d+$/, String(Math.max(...numbers) + 1));
        const copy = last.cloneNode(true);
        copy.dataset.appRow = to;
        for (const element of copy.querySelectorAll("[id], [name], [for], [aria-describedby]")) {
          for (const attribute of ["id", "name", "for", "aria-describedby"]) {
            const value = element.getAttribute(attribute);
            if (value) element.setAttribute(attribute, renamed(value, from, to));
          }
        }
        copy.querySelector(".app-add-another__remove").value = `remove:${to}`;
        empty(copy);
        last.after(copy);
        renumber();
        copy.querySelector("input").focus();
        say(list.dataset.appAdded, all.length + 1);
      } else if (button.classList.contains("app-add-another__remove")) {
        event.preventDefault();
        const row = button.closest(".app-add-another__item");
        const index = all.indexOf(row);
        if (all.length === 1) {
          empty(row);
        } else {
          row.remove();
        }
        renumber();
        const next = rows()[Math.min(index, rows().length - 1)];
        next.querySelector("input").focus();
        say(list.dataset.appRemoved, index + 1);
      }
    });
  }
}

// Starts GOV.UK Frontend's components (including "Exit this page" and its 3 x Shift
// shortcut). Loaded as a module, so browsers too old for GOV.UK Frontend skip it and
// get the pages without JavaScript, which work in full.
import { initAll } from "./govuk-frontend.min.js";

initAll();

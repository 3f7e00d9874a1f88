/* The kiosk flow: welcome → who are you → the questions → thank you, by touch alone.
   Nothing of one person's answers stays on screen or in history for the next: the page never
   adds a history entry, and each screen is rebuilt from nothing. */
"use strict";
(function () {
  const params = new URLSearchParams(location.search);
  const API = "/api/v1/kiosk/";
  const KEYS = {credential: "kiosk.credential", config: "kiosk.config", messages: "kiosk.messages."};
  // Tests shorten the waits with ?idle=SECONDS and ?thanks=SECONDS; the settings decide otherwise.
  const THANKS_SECONDS = Number(params.get("thanks")) || 10;
  // How often a resting tablet checks in, so the admin page shows its last contact and queue.
  const CHECK_IN_MS = 5 * 60 * 1000;

  const screen = document.getElementById("screen");
  const startAgain = document.getElementById("start-again");
  const overlay = document.getElementById("still-there");

  let config = load(KEYS.config);
  let messages = null;
  let locale = null;
  let session = null;   // {step, answers} while someone is answering
  let pristine = true;  // the welcome screen, in the tablet's own language, with nothing chosen
  let lastTouch = Date.now();
  let thanksTimer = null;

  // --- small helpers --------------------------------------------------------------------------

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full: keep going */ }
  }

  function t(key, values) {
    let text = (messages && messages.ui[key]) || key;
    for (const [name, value] of Object.entries(values || {})) {
      text = text.split(`%(${name})s`).join(String(value));
    }
    return text;
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "onclick") node.addEventListener("click", value);
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function idleSeconds() {
    return Number(params.get("idle")) || (config && config.idle_seconds) || 60;
  }

  function api(path, body) {
    const headers = {"Authorization": `Bearer ${load(KEYS.credential)}`};
    const options = {headers, cache: "no-store"};
    if (body !== undefined) {
      options.method = "POST";
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(API + path, options);
  }

  const clocks = {};
  function localNow() {
    // The venue's clock, whatever the tablet's time zone is set to.
    const zone = (config && config.time_zone) || "Europe/London";
    clocks[zone] = clocks[zone] || new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    });
    const parts = clocks[zone].formatToParts(new Date());
    const part = (type) => parts.find((p) => p.type === type).value;
    return {day: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}`};
  }

  function isOpen() {
    const hours = config && config.opening_hours;
    if (!hours) return true;
    const now = localNow().time;
    return hours.opens <= now && now < hours.closes;
  }

  // --- language -------------------------------------------------------------------------------

  async function loadMessages(code) {
    try {
      const response = await fetch(`messages.json?locale=${encodeURIComponent(code)}`);
      if (!response.ok) throw new Error(String(response.status));
      const fresh = await response.json();
      save(KEYS.messages + code, fresh);
      return fresh;
    } catch (e) {
      return load(KEYS.messages + code) || load(KEYS.messages + "en_GB");
    }
  }

  async function useLanguage(code) {
    const found = await loadMessages(code);
    if (!found) return;
    messages = found;
    locale = found.locale;
    document.documentElement.lang = found.lang;
    document.documentElement.dir = found.dir;
    document.title = t("app_title");
    document.getElementById("bar-title").textContent = t("app_title");
    startAgain.textContent = t("start_again");
    document.getElementById("still-there-title").textContent = t("still_there_title");
    document.getElementById("still-there-text").textContent = t("still_there_text");
    document.getElementById("still-there-continue").textContent = t("continue");
  }

  function warmLanguages() {
    // Every language on the tablet, so choosing one works with no connection too.
    if (!messages) return;
    messages.languages.reduce((chain, language) => chain.then(() => loadMessages(language.code)),
      Promise.resolve()).catch(() => {});
  }

  // --- screens --------------------------------------------------------------------------------

  function show(name, ...content) {
    clearTimeout(thanksTimer);
    hideStillThere();
    screen.replaceChildren(...content.filter((node) => node !== null));
    screen.dataset.screen = name;
    startAgain.hidden = !["question", "thanks", "later", "pin"].includes(name);
    const heading = screen.querySelector("h1");
    if (heading) { heading.tabIndex = -1; heading.focus({preventScroll: true}); }
  }

  function restingScreen(title, text, name = "rest") {
    show(name, el("div", {class: "rest"}, el("h1", {text: t(title)}), el("p", {text: t(text)})),
      staffButton());
  }

  function staffButton() {
    return el("p", {class: "staff-corner"},
      el("button", {type: "button", class: "quiet", text: t("staff"), onclick: showPin}));
  }

  function showWelcome() {
    if (!load(KEYS.credential)) return restingScreen("not_paired_title", "not_paired_text");
    if (!isOpen()) return restingScreen("closed_title", "closed_text", "closed");
    if (!config || !config.meeting) return restingScreen("no_meeting_title", "no_meeting_text");
    const languages = el("div", {class: "languages"}, messages.languages.map((language) =>
      el("button", {
        type: "button", class: "language", lang: language.lang, text: language.name,
        "aria-pressed": String(language.code === locale),
        onclick: async () => { pristine = false; await useLanguage(language.code); showWelcome(); },
      })));
    show("welcome",
      el("h1", {text: t("welcome_title")}),
      el("p", {class: "lead", text: t("welcome_text")}),
      el("div", {class: "actions"},
        el("button", {type: "button", class: "big primary", text: t("give_feedback"), onclick: startSession}),
        el("button", {type: "button", class: "big", text: t("answer_later"), onclick: showLater})),
      el("section", {"aria-labelledby": "languages-title"},
        el("h2", {id: "languages-title", text: t("choose_language")}), languages),
      staffButton());
  }

  function startSession() {
    pristine = false;
    session = {step: 0, answers: {}, version: messages.survey.version_id};
    showQuestion();
  }

  function next() {
    session.step += 1;
    if (session.step < messages.survey.questions.length) showQuestion();
    else finish();
  }

  function showQuestion() {
    const questions = messages.survey.questions;
    const question = questions[session.step];
    const heading = el("h1", {id: "question-title"}, question.prompt,
      question.required ? null : el("span", {class: "optional", text: ` ${t("optional")}`}));
    const progress = el("p", {class: "progress",
      text: t("progress", {number: session.step + 1, total: questions.length})});
    const skip = question.required ? null : el("button", {
      type: "button", class: "quiet", text: t("skip"), onclick: next});
    // A tap can land on the wrong face: the last answer can always be changed.
    const back = session.step === 0 ? null : el("button", {
      type: "button", class: "quiet", text: t("previous"), onclick: () => { session.step -= 1; showQuestion(); }});
    const given = session.answers[question.key];

    if (question.kind === "free_text" || question.kind === "sentence_completion") {
      const box = el("textarea", {id: "free-text", rows: "5",
        maxlength: String((config && config.max_text_length) || 2000),
        "aria-labelledby": "question-title", "aria-describedby": "free-text-hint"});
      show("question", progress, heading,
        el("p", {id: "free-text-hint", class: "hint", text: t("free_text_hint")}),
        box,
        el("div", {class: "actions"}, el("button", {type: "button", class: "big primary", text: t("send"),
          onclick: () => { session.answers[question.key] = box.value.trim() || null; next(); }}), back),
        el("section", {class: "help-now", "aria-labelledby": "help-now-title"},
          el("h2", {id: "help-now-title", text: t("help_now_title")}), el("p", {text: t("help_now")})));
      if (given) box.value = given;
      return;
    }
    const choices = el("div", {class: `choices choices-${question.kind}`, role: "group",
      "aria-labelledby": "question-title"}, question.options.map((option) =>
      el("button", {type: "button", class: option.value === given ? "choice chosen" : "choice",
        "data-value": option.value, "aria-current": option.value === given ? "true" : null,
        onclick: () => { session.answers[question.key] = option.value; next(); }},
        // Drawn faces, not emoji: a tablet may lack the emoji font. The label names the choice.
        question.kind === "smiley" ? el("img", {class: "face", alt: "",
          src: `faces/${encodeURIComponent(option.value)}.svg`}) : null,
        el("span", {text: option.label}))));
    show("question", progress, heading, choices,
      skip || back ? el("div", {class: "actions"}, back, skip) : null);
  }

  async function finish() {
    const record = {
      survey_version_id: session.version,
      meeting_id: config.meeting ? config.meeting.id : null,
      locale,
      answered_on: localNow().day,
      answers: session.answers,
    };
    session = null;
    try {
      await window.KioskQueue.add(record);
    } catch (e) {
      // No IndexedDB (a locked-down browser): send it straight away rather than lose it.
      record.uuid = window.KioskQueue.newUuid();
      send(record);
    }
    showThanks();
  }

  function showThanks() {
    show("thanks",
      el("h1", {text: t("thanks_title")}),
      el("p", {class: "lead", text: t("thanks_text")}),
      // from=kiosk: the story pages then come back here when left alone (kiosk_return.js).
      el("p", {}, el("a", {href: `/stories/new?lang=${encodeURIComponent(locale)}&from=kiosk`, class: "big-link",
        text: t("story_link")})));
    thanksTimer = setTimeout(reset, THANKS_SECONDS * 1000);
  }

  async function showLater() {
    pristine = false;
    const status = el("p", {class: "lead", role: "status", text: t("later_wait")});
    const done = el("button", {type: "button", class: "big", text: t("done"), onclick: reset});
    // Words and button beside the code on a landscape tablet, above it in portrait: "Done" is
    // always on screen without scrolling.
    const words = el("div", {class: "later-words"}, status, el("div", {class: "actions"}, done));
    const body = el("div", {class: "later"}, words);
    show("later", el("h1", {text: t("later_title")}), body);
    try {
      const response = await api("later", {locale});
      if (!response.ok) throw new Error(String(response.status));
      const link = await response.json();
      if (screen.dataset.screen !== "later") return;
      status.replaceWith(el("p", {class: "lead", text: t("later_text")}));
      body.append(el("img", {class: "qr", src: link.qr, alt: t("later_qr_alt")}));
    } catch (e) {
      status.textContent = t("later_offline");
    }
  }

  function showPin() {
    pristine = false;
    const input = el("input", {id: "pin", type: "password", inputmode: "numeric", autocomplete: "off",
      maxlength: "12"});
    const problem = el("p", {class: "problem", role: "alert"});
    const unlock = async () => {
      try {
        const pin = input.value;
        const response = await api("unlock", {pin});
        input.value = "";
        if (response.status === 204) return showStaff(pin);
        problem.textContent = t("pin_wrong");
      } catch (e) {
        problem.textContent = t("pin_offline");
      }
    };
    show("pin", el("h1", {text: t("pin_title")}),
      el("div", {class: "field"}, el("label", {for: "pin", text: t("pin_label")}), input), problem,
      el("div", {class: "actions"},
        el("button", {type: "button", class: "big primary", text: t("unlock"), onclick: unlock}),
        el("button", {type: "button", class: "big", text: t("cancel"), onclick: reset})));
  }

  async function showStaff(pin) {
    const {queued, failed} = await window.KioskQueue.counts();
    show("staff", el("h1", {text: t("staff_title")}),
      el("p", {text: t("room", {room: config ? config.room : ""})}),
      el("p", {id: "queued", text: t("queued", {count: queued})}),
      el("p", {text: t("failed", {count: failed})}),
      el("div", {class: "actions"},
        el("button", {type: "button", class: "big", text: t("send_now"),
          onclick: async () => { await window.KioskQueue.flush(); showStaff(pin); }}),
        el("button", {type: "button", class: "big", text: t("unpair"), onclick: async () => {
          // The browser stops being a kiosk's too, so the landing page and staff login open again.
          await api("leave", {pin}).catch(() => {});
          localStorage.removeItem(KEYS.credential);
          reset();
        }}),
        el("button", {type: "button", class: "big primary", text: t("back"), onclick: reset})));
  }

  // --- starting again -------------------------------------------------------------------------

  async function reset() {
    session = null;
    pristine = true;
    if (document.activeElement) document.activeElement.blur();
    await useLanguage((config && config.default_locale) || "en_GB");
    showWelcome();
    refreshConfig();
  }

  async function refreshConfig() {
    if (!load(KEYS.credential)) return;
    try {
      const response = await api("config");
      if (response.status === 401) {
        localStorage.removeItem(KEYS.credential);
      } else if (response.ok) {
        config = await response.json();
        save(KEYS.config, config);
      }
    } catch (e) {
      return; // offline: the last settings stand
    }
    if (pristine && ["welcome", "rest", "closed"].includes(screen.dataset.screen)) showWelcome();
  }

  function showStillThere() {
    if (!overlay.hidden) return;
    overlay.hidden = false;
    document.getElementById("still-there-continue").focus();
  }
  function hideStillThere() {
    overlay.hidden = true;
  }

  function touched() {
    lastTouch = Date.now();
  }

  function watchIdle() {
    // Any touch, key or typing counts, so it never resets while someone is writing.
    for (const type of ["pointerdown", "keydown", "input", "wheel"]) {
      document.addEventListener(type, touched, {capture: true, passive: true});
    }
    document.getElementById("still-there-continue").addEventListener("click", hideStillThere);
    overlay.addEventListener("click", hideStillThere);
    setInterval(() => {
      if (pristine) {
        const shown = screen.dataset.screen;
        if ((shown === "welcome" && !isOpen()) || (shown === "closed" && isOpen())) {
          showWelcome(); // opening hours began or ended
        }
        return;
      }
      const idle = (Date.now() - lastTouch) / 1000;
      const limit = idleSeconds();
      const warning = Math.min(10, limit / 3);
      if (idle >= limit) reset();
      else if (idle >= limit - warning) showStillThere();
      else hideStillThere();
    }, 250);
  }

  // --- sending --------------------------------------------------------------------------------

  async function send(record) {
    if (!load(KEYS.credential)) return "stop";
    const {queued_at, ...body} = record;
    let response;
    try {
      response = await api("responses", body);
    } catch (e) {
      return "retry";
    }
    if (response.status === 200 || response.status === 201) return "stored";
    if (response.status === 401) return "stop";
    if (response.status === 400 || response.status === 422) return "refused";
    return "retry";
  }

  async function reportQueue() {
    if (!load(KEYS.credential)) return;
    const {queued, failed} = await window.KioskQueue.counts();
    api("status", {queued, failed}).catch(() => {});
  }

  // --- start ----------------------------------------------------------------------------------

  async function pairFromLink() {
    const token = new URLSearchParams(location.hash.slice(1)).get("pair");
    if (!token) return true;
    history.replaceState(null, "", location.pathname + location.search); // the token leaves the bar
    try {
      const response = await fetch(API + "pair", {method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify({pairing_token: token})});
      if (!response.ok) return false;
      localStorage.setItem(KEYS.credential, JSON.stringify((await response.json()).credential));
      return true;
    } catch (e) {
      return false;
    }
  }

  async function start() {
    document.addEventListener("contextmenu", (event) => event.preventDefault()); // no long-press menus
    startAgain.addEventListener("click", reset);
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
    const paired = await pairFromLink();
    await refreshConfig();
    await useLanguage((config && config.default_locale) || "en_GB");
    window.KioskQueue.configure({send, onChange: reportQueue});
    watchIdle();
    if (!paired) restingScreen("not_paired_title", "pairing_failed");
    else showWelcome();
    document.body.dataset.ready = "true";
    window.KioskQueue.flush();
    warmLanguages();
    setInterval(() => { refreshConfig(); window.KioskQueue.flush(); reportQueue(); }, CHECK_IN_MS);
  }

  start();
})();

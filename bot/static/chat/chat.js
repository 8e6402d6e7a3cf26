// onetrip web chat: talks to /api/v1/chat with a bearer token, renders structured replies.
(function () {
  "use strict";

  // Settings come as JSON data (the page's CSP runs no inline script).
  const bootData = document.getElementById("onetrip-boot");
  const boot = bootData ? JSON.parse(bootData.textContent) : {};
  // Only web addresses and this site's own paths become links (never javascript: and the like).
  const webLink = (url) => /^(https?:\/\/|\/(?!\/))/i.test(String(url || "").trim());
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const fileInput = document.getElementById("file");
  const sendButton = document.getElementById("send");
  const chips = document.getElementById("chips");
  const STORE_KEY = "onetrip.chat.token";
  const POLL_MS = 1500;
  const POLL_LIMIT = 160;

  let token = boot.linkToken || localStorage.getItem(STORE_KEY) || boot.freshToken;
  if (!boot.linkToken && !localStorage.getItem(STORE_KEY)) localStorage.setItem(STORE_KEY, token);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function scrollDown() {
    requestAnimationFrame(() => { log.scrollTop = log.scrollHeight; });
  }

  function row(who) {
    const r = el("div", "row " + who);
    if (who === "bot") r.appendChild(el("div", "avatar", "办"));
    const stack = el("div", "stack");
    r.appendChild(stack);
    log.appendChild(r);
    return stack;
  }

  function say(text) {
    const stack = row("me");
    stack.appendChild(el("div", "bubble", text));
    scrollDown();
  }

  function typing() {
    const stack = row("bot");
    const bubble = el("div", "bubble");
    const dots = el("span", "typing");
    dots.append(el("i"), el("i"), el("i"));
    bubble.appendChild(dots);
    stack.appendChild(bubble);
    scrollDown();
    return stack.parentNode;
  }

  async function newToken() {
    const res = await fetch("/api/v1/chat/session", { method: "POST" });
    const data = await res.json();
    token = data.token;
    localStorage.setItem(STORE_KEY, token);
  }

  async function api(path, options, retried) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers = Object.assign({ Authorization: "Bearer " + token }, opts.headers);
    const res = await fetch(path, opts);
    if (res.status === 401 && !retried) {
      await newToken();
      return api(path, options, true);
    }
    if (!res.ok) {
      let detail = "网络繁忙，请稍后再试。";
      try { detail = (await res.json()).detail || detail; } catch (e) { /* keep default */ }
      throw new Error(typeof detail === "string" ? detail : "请求有误，请检查后重试。");
    }
    return res.json();
  }

  function card(data) {
    const box = el("div", "card");
    box.appendChild(el("h3", null, data.name));
    const dl = el("dl");
    const add = (label, value) => {
      if (value === null || value === undefined || value === "") return;
      dl.append(el("dt", null, label));
      const dd = el("dd", null, String(value));
      dl.append(dd);
      return dd;
    };
    add("实施部门", data.department);
    add("办理时限", data.time_limit);
    add("收费", data.fees);
    if (data.visits !== null && data.visits !== undefined) {
      add("跑动次数", data.visits === 0 ? "全程网办，无需到现场" : "最多跑 " + data.visits + " 次");
    }
    add("办理地点", data.location);
    add("办公时间", data.hours);
    add("咨询电话", data.phone);
    if (data.online_url && webLink(data.online_url)) {
      const dd = add("网上办理", " ");
      dd.textContent = "";
      const a = el("a", null, "去网上办理");
      a.href = data.online_url;
      a.target = "_blank";
      a.rel = "noopener";
      dd.appendChild(a);
    }
    box.appendChild(dl);
    return box;
  }

  function optionButtons(options, stack) {
    const box = el("div", "options");
    options.forEach((o) => {
      const b = el("button");
      b.type = "button";
      b.append(el("b", null, String(o.number)), el("span", null, o.label));
      b.addEventListener("click", () => {
        box.querySelectorAll("button").forEach((x) => { x.disabled = true; });
        send(String(o.number), o.label);
      });
      box.appendChild(b);
    });
    stack.appendChild(box);
  }

  function suggestionChips(suggestions, stack) {
    const box = el("div", "suggestions");
    box.appendChild(el("span", null, "您可以这样问："));
    suggestions.forEach((text) => {
      const b = el("button", null, text);
      b.type = "button";
      b.addEventListener("click", () => send(text));
      box.appendChild(b);
    });
    stack.appendChild(box);
  }

  function ratingButtons(levels, stack) {
    const box = el("div", "rating");
    box.appendChild(el("span", null, "评价本次答复："));
    levels.forEach((lv) => {
      const b = el("button", lv.score <= 2 ? "bad" : "good", lv.label);
      b.type = "button";
      b.dataset.score = String(lv.score);
      b.addEventListener("click", () => {
        box.querySelectorAll("button").forEach((x) => { x.disabled = true; });
        send(String(lv.score), lv.label);
      });
      box.appendChild(b);
    });
    stack.appendChild(box);
  }

  function render(reply) {
    const stack = row("bot");
    const cls = reply.kind === "notice" ? "bubble notice" : reply.kind === "error" ? "bubble error" : "bubble";
    (reply.texts || []).forEach((t) => { if (t) stack.appendChild(el("div", cls, t)); });
    if (reply.options && reply.options.length) optionButtons(reply.options, stack);
    if (reply.suggestions && reply.suggestions.length) suggestionChips(reply.suggestions, stack);
    if (reply.card) stack.appendChild(card(reply.card));
    if (reply.links && reply.links.length) {
      const links = el("div", "links");
      reply.links.filter((l) => webLink(l.url)).forEach((l) => {
        const a = el("a", null, l.title);
        a.href = l.url;
        a.target = "_blank";
        a.rel = "noopener";
        links.appendChild(a);
      });
      stack.appendChild(links);
    }
    if (reply.rate && reply.rating_levels && reply.rating_levels.length) {
      ratingButtons(reply.rating_levels, stack);
    }
    setDoneChip(reply.upload);
    scrollDown();
    if (reply.job) poll(reply.job);
  }

  function setDoneChip(upload) {
    const existing = chips.querySelector("[data-command=done]");
    if (upload && upload.received > 0) {
      if (!existing) {
        const b = el("button", "primary", "上传完成，开始预审");
        b.type = "button";
        b.dataset.command = "done";
        chips.prepend(b);
      }
    } else if (existing && !upload) {
      existing.remove();
    }
  }

  async function poll(job) {
    const waiting = typing();
    for (let i = 0; i < POLL_LIMIT; i++) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      try {
        const data = await api("/api/v1/chat/jobs/" + encodeURIComponent(job));
        if (data.done) {
          waiting.remove();
          render(data.reply);
          return;
        }
      } catch (e) {
        waiting.remove();
        render({ texts: [e.message], kind: "error" });
        return;
      }
    }
    waiting.remove();
    render({ texts: ["预审用时较长，请稍后刷新页面查看结果。"], kind: "error" });
  }

  async function send(text, shown, command) {
    if (shown !== null) say(shown || text);
    const waiting = typing();
    sendButton.disabled = true;
    try {
      const body = command ? { text: "", command: command } : { text: text };
      const reply = await api("/api/v1/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      waiting.remove();
      render(reply);
    } catch (e) {
      waiting.remove();
      render({ texts: [e.message], kind: "error" });
    } finally {
      sendButton.disabled = false;
    }
  }

  async function upload(files) {
    const list = Array.from(files);
    if (!list.length) return;
    const stack = row("me");
    const thumbs = el("div", "thumbs");
    list.forEach((f) => {
      if (f.type.startsWith("image/")) {
        const img = el("img");
        img.src = URL.createObjectURL(f);
        img.alt = f.name;
        thumbs.appendChild(img);
      } else {
        thumbs.appendChild(el("div", "doc", f.name));
      }
    });
    stack.appendChild(thumbs);
    scrollDown();
    const tooBig = list.find((f) => f.size > boot.maxFileMb * 1024 * 1024);
    if (tooBig) {
      render({ texts: ["“" + tooBig.name + "”超过 " + boot.maxFileMb + "MB，请压缩后再发送。"], kind: "error" });
      return;
    }
    const data = new FormData();
    list.forEach((f) => data.append("files", f, f.name));
    const waiting = typing();
    try {
      const reply = await api("/api/v1/chat/files", { method: "POST", body: data });
      waiting.remove();
      render(reply);
    } catch (e) {
      waiting.remove();
      render({ texts: [e.message], kind: "error" });
    }
  }

  const LABELS = { prereview: "材料预审", human: "人工服务", rate: "评价", help: "能问什么", done: "完成" };

  chips.addEventListener("click", (event) => {
    const b = event.target.closest("button[data-command]");
    if (!b) return;
    const command = b.dataset.command;
    send("", LABELS[command] || b.textContent, command);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });

  fileInput.addEventListener("change", () => {
    upload(fileInput.files);
    fileInput.value = "";
  });

  async function start() {
    try {
      const history = await api("/api/v1/chat/history");
      if (history.length) {
        history.forEach((m) => {
          if (m.direction === "in") say(m.text);
          else render({ texts: [m.text], kind: m.kind || "text" });
        });
        return;
      }
    } catch (e) { /* a fresh conversation */ }
    send("", null, "welcome");
  }

  start();
})();

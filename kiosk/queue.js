/* Answers wait in IndexedDB until the server has them, and survive reloads and restarts.
   Each answer carries a UUID made here; the server stores a UUID once, so resending is safe. */
"use strict";
(function () {
  const DB_NAME = "kiosk";
  const OUTBOX = "outbox";   // waiting to be sent
  const REFUSED = "refused"; // the server said no (kept, counted on the admin page, never dropped)
  const MAX_DELAY_MS = 30000;

  let dbPromise = null;
  let sending = false;
  let attempt = 0;
  let retryTimer = null;
  let sendOne = null;     // (record) => Promise<"stored" | "refused" | "retry" | "stop">
  let onChange = () => {};

  function open() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        const request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = () => {
          request.result.createObjectStore(OUTBOX, {keyPath: "uuid"});
          request.result.createObjectStore(REFUSED, {keyPath: "uuid"});
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    return dbPromise;
  }

  function run(storeName, mode, work) {
    return open().then((db) => new Promise((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const result = work(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    }));
  }

  function newUuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function counts() {
    return Promise.all([
      run(OUTBOX, "readonly", (store) => store.count()),
      run(REFUSED, "readonly", (store) => store.count()),
    ]).then(([queued, failed]) => ({queued, failed}));
  }

  function add(record) {
    record.uuid = record.uuid || newUuid();
    record.queued_at = Date.now();
    return run(OUTBOX, "readwrite", (store) => store.put(record)).then(() => {
      onChange();
      flush();
      return record.uuid;
    });
  }

  function scheduleRetry() {
    clearTimeout(retryTimer);
    // Exponential back-off with jitter, so a room full of tablets does not retry in step.
    const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    retryTimer = setTimeout(flush, delay);
  }

  async function flush() {
    if (sending || !sendOne) return;
    sending = true;
    clearTimeout(retryTimer);
    try {
      const waiting = (await run(OUTBOX, "readonly", (store) => store.getAll()))
        .sort((a, b) => a.queued_at - b.queued_at);
      for (const record of waiting) {
        const outcome = await sendOne(record);
        if (outcome === "stored") {
          await run(OUTBOX, "readwrite", (store) => store.delete(record.uuid));
          attempt = 0;
        } else if (outcome === "refused") {
          await run(REFUSED, "readwrite", (store) => store.put(record));
          await run(OUTBOX, "readwrite", (store) => store.delete(record.uuid));
        } else if (outcome === "retry") {
          scheduleRetry();
          break;
        } else {
          break; // "stop": the tablet is not paired; wait until it is
        }
      }
    } finally {
      sending = false;
      onChange();
    }
  }

  window.addEventListener("online", () => { attempt = 0; flush(); });

  window.KioskQueue = {
    add, counts, flush, newUuid,
    configure(options) {
      sendOne = options.send;
      onChange = options.onChange || onChange;
    },
  };
})();

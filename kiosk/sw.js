/* The kiosk's service worker: the shell works with no connection.
   Network first, so a deployed change reaches the tablet at once; the cache answers offline. */
"use strict";
const CACHE = "kiosk-shell-v1"; // change to drop every cached copy at once
const SCOPE = new URL("./", self.location).pathname;
const SHELL = ["./", "kiosk.css", "queue.js", "kiosk.js", "manifest.webmanifest", "icon.svg",
  "faces/very_happy.svg", "faces/happy.svg", "faces/okay.svg", "faces/unhappy.svg", "faces/very_unhappy.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only the shell's own files: answers and settings go to the API, never to a cache.
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) {
    return;
  }
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request, {ignoreSearch: request.mode === "navigate"})
    .then((cached) => cached || caches.match(new URL("./", self.location).href))));
});

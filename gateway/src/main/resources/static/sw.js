// Jeda's service worker: keeps the app's shell (pages, script, style) so that "Today" opens without
// a network and a check-in can be queued on the device. API calls (/v1/...) always go to the network;
// the page itself queues what cannot be sent.
'use strict';
const CACHE = 'jeda-shell-v1';
const SHELL = ['/app/today', '/static/app.js', '/static/app.css', '/static/icon.svg', '/manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/v1/')) {
    return;
  }
  // Network first, so that pages and texts are fresh; the cached copy only when offline.
  event.respondWith(fetch(event.request).then((r) => {
    if (r.ok && (SHELL.includes(url.pathname) || url.pathname.startsWith('/app/'))) {
      const copy = r.clone();
      caches.open(CACHE).then((c) => c.put(event.request, copy));
    }
    return r;
  }).catch(() => caches.match(event.request).then((hit) => hit
    || (event.request.mode === 'navigate' ? caches.match('/app/today') : Response.error()))));
});

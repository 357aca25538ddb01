// objection-check iframe helper: gives <iframe data-objection-check-frame> the
// height of the app inside it, so the host page shows no inner scrollbar.
// The app inside posts only {type: 'objection-check:height', height}.
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'objection-check:height' || typeof data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe[data-objection-check-frame]')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
  }
});

// A link preview page (de.html, ...): opens the check in the page's language
// with the link's own presets (de.html#controller=meta -> ./#lang=de&controller=meta).
// Sends nothing anywhere. Without scripts the page's refresh does the same,
// without the presets.
location.replace('./#' + ['lang=' + document.documentElement.lang, location.hash.replace(/^#/, '')].filter(Boolean).join('&'));

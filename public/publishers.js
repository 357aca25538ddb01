// The publishers' page (publishers.html): the settings and colours a
// publisher chooses are applied to the live check on the page, their
// contrast is checked against WCAG 2.2 AA, and the snippet is written for
// them to copy. Sends nothing anywhere.

// The widget's colour properties and their defaults (styles/main.css).
const COLOURS = [
  ['accent', 'Buttons and links', '#1d4ed8'],
  ['accent-hover', 'Buttons, pointed at', '#1e3a8a'],
  ['on-accent', 'Text on buttons', '#ffffff'],
  ['text', 'Text', '#1a1a1a'],
  ['muted', 'Hints', '#4a4a4a'],
  ['background', 'Background', '#ffffff'],
  ['surface', 'Panels', '#f3f4f6'],
  ['border', 'Borders of fields', '#6b6b6b'],
  ['error', 'Errors', '#b3261e'],
  ['success', 'Done', '#146c2e'],
  ['focus', 'Focus ring', '#ffbf47'],
];

// What must stand out from what, and by how much (WCAG 2.2: 1.4.3 text
// 4.5:1, 1.4.11 parts of controls 3:1).
const PAIRS = [
  ['text', 'background', 4.5, 'Text on the background'],
  ['text', 'surface', 4.5, 'Text on panels'],
  ['muted', 'background', 4.5, 'Hints on the background'],
  ['accent', 'background', 4.5, 'Links on the background'],
  ['on-accent', 'accent', 4.5, 'Text on buttons'],
  ['on-accent', 'accent-hover', 4.5, 'Text on buttons, pointed at'],
  ['error', 'background', 4.5, 'Errors on the background'],
  ['success', 'background', 4.5, 'Done on the background'],
  ['border', 'background', 3, 'Borders of fields on the background'],
  ['focus', 'text', 3, 'The focus ring\'s two colours'],
];

const $ = (id) => document.getElementById(id);
const widget = $('pub-widget');

/** Relative luminance of `#rrggbb` (WCAG 2.2). */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// One colour field per property.
const colours = $('pub-colours');
for (const [name, label, value] of COLOURS) {
  const row = document.createElement('p');
  row.className = 'pub-colour';
  const input = document.createElement('input');
  Object.assign(input, { type: 'color', id: `pub-colour-${name}`, value });
  input.dataset.property = name;
  input.dataset.default = value;
  const text = document.createElement('label');
  text.htmlFor = input.id;
  text.textContent = `${label} (--objection-check-${name})`;
  row.append(input, text);
  colours.append(row);
}

const value = (name) => $(`pub-colour-${name}`).value.toLowerCase();

function settings() {
  const services = [...document.querySelectorAll('input[name=pub-service]:checked')].map((i) => i.value);
  const controller = $('pub-controller').value;
  return {
    lang: $('pub-lang').value,
    controller,
    services: controller === 'meta' ? services : [],
    country: $('pub-country').value.trim().toLowerCase(),
    kind: document.querySelector('input[name=pub-kind]:checked').value,
  };
}

/** The contrast problems of the chosen colours, in words. */
function problems() {
  return PAIRS.map(([fg, bg, need, what]) => ({ what, ratio: contrast(value(fg), value(bg)), need }))
    .filter((p) => p.ratio < p.need);
}

function showContrast() {
  const list = document.createElement('ul');
  for (const [fg, bg, need, what] of PAIRS) {
    const ratio = contrast(value(fg), value(bg));
    const li = document.createElement('li');
    li.className = ratio >= need ? 'pub-pass' : 'pub-fail';
    li.textContent = `${what}: ${ratio.toFixed(2)}:1, ${ratio >= need ? 'meets' : 'below'} ${need}:1${ratio >= need ? '' : ' (WCAG AA)'}`;
    list.append(li);
  }
  const bad = problems();
  const summary = document.createElement('p');
  summary.id = 'pub-contrast-summary';
  summary.className = bad.length ? 'pub-fail' : 'pub-pass';
  summary.textContent = bad.length
    ? `${bad.length} of ${PAIRS.length} colour pairs are too close for WCAG AA: change them before you copy the snippet.`
    : `All ${PAIRS.length} colour pairs meet WCAG AA.`;
  $('pub-contrast').replaceChildren(summary, list);
}

/** The widget's attributes for `s`, as [name, value] pairs. */
function attributes(s, element) {
  const name = (n) => (element ? n : `data-${n === 'services' ? 'service' : n}`);
  const out = [];
  if (s.lang) out.push([name('lang'), s.lang]);
  if (s.controller) out.push([name('controller'), s.controller]);
  if (s.services.length) out.push([name('services'), s.services.join(',')]);
  if (/^[a-z]{2}$/.test(s.country)) out.push([name('country'), s.country]);
  return out;
}

function snippet(s) {
  const loader = new URL('objection-check.js', location.href).href;
  const attrs = attributes(s, s.kind === 'element').map(([n, v]) => ` ${n}="${v}"`).join('');
  const tag = s.kind === 'element' ? `<objection-check${attrs}></objection-check>` : `<div data-objection-check${attrs}></div>`;
  const changed = COLOURS.filter(([n, , d]) => value(n) !== d);
  const selector = s.kind === 'element' ? 'objection-check' : '[data-objection-check]';
  const css = changed.length
    ? `${selector} {\n${changed.map(([n]) => `  --objection-check-${n}: ${value(n)};`).join('\n')}\n}`
    : '/* The default colours: nothing to add. */';
  return { html: `<script type="module" src="${loader}"></script>\n${tag}`, css };
}

function update() {
  const s = settings();
  $('pub-services-field').disabled = s.controller !== 'meta';
  // The live check follows its attributes as a publisher's page would set them.
  const want = new Map(attributes(s, true));
  for (const n of ['lang', 'controller', 'services', 'country']) {
    if (want.has(n)) { if (widget.getAttribute(n) !== want.get(n)) widget.setAttribute(n, want.get(n)); } else widget.removeAttribute(n);
  }
  for (const [n] of COLOURS) widget.style.setProperty(`--objection-check-${n}`, value(n));
  showContrast();
  const { html, css } = snippet(s);
  $('pub-html').value = html;
  $('pub-css').value = css;
  const bad = problems().length > 0;
  for (const b of ['pub-copy', 'pub-copy-css']) $(b).setAttribute('aria-disabled', String(bad));
  $('pub-copy-status').textContent = bad ? 'Fix the colours first: see the contrast check above.' : '';
}

/** A copy button: the text of `field`, once the colours pass. */
function copier(button, field) {
  $(button).addEventListener('click', async () => {
    if ($(button).getAttribute('aria-disabled') === 'true') {
      $('pub-contrast-summary')?.scrollIntoView({ block: 'center' });
      $('pub-copy-status').textContent = 'Fix the colours first: see the contrast check above.';
      return;
    }
    try {
      await navigator.clipboard.writeText($(field).value);
      $('pub-copy-status').textContent = 'Copied.';
    } catch {
      $(field).select();
      $('pub-copy-status').textContent = 'Copying is not allowed here: the text is selected, press Ctrl+C.';
    }
  });
}
copier('pub-copy', 'pub-html');
copier('pub-copy-css', 'pub-css');

$('pub-form').addEventListener('input', update);
$('pub-form').addEventListener('change', update);
update();

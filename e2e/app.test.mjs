// End-to-end: complete walks in real Chromium against the release build under
// the strict CSP, in both languages, with the result actions checked by what
// they produce (downloaded files opened and read, clipboard read back).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, launch, openPage, assertClean, start, switchLanguage, answer, fill, walk, openMore, downloadText, META_WALK } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the server sends the strict CSP header and the page carries it as a meta tag', async () => {
  const res = await fetch(BASE_URL);
  const csp = res.headers.get('content-security-policy');
  for (const part of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "form-action 'none'", "object-src 'none'", "base-uri 'none'"]) {
    assert.ok(csp.includes(part), `header has ${part}`);
  }
  const html = await res.text();
  assert.match(html, /http-equiv="?Content-Security-Policy"?/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script left in index.html');
});

test('under the meta-tag CSP alone (no header) the app runs with zero errors', async () => {
  const s = await openPage(browser);
  // Serve the same files without the header, as a host that cannot set headers would.
  await s.page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  await start(s.page);
  await s.page.click('#oc-start');
  await s.page.waitForSelector('input[name=residence]');
  assertClean(s);
  await s.context.close();
});

test('a full Meta walk in Dutch ends with the objection text and its articles', async () => {
  const s = await openPage(browser, { locale: 'nl-NL' });
  await start(s.page);
  assert.equal(await s.page.getAttribute('.objection-check', 'lang'), 'nl');
  // On its own page the app renders into the page, styled by the stylesheet
  // the page links (no shadow root, no second copy of the styles).
  assert.equal(await s.page.evaluate(() => document.querySelector('[data-objection-check]').shadowRoot), null);
  const button = await s.page.locator('#oc-start').evaluate((el) => getComputedStyle(el).minHeight);
  assert.equal(button, '44px');
  await walk(s.page, META_WALK);
  assert.equal(await s.page.textContent('h1'), 'Controleer je antwoorden');
  await s.page.click('#oc-see-result');
  const short = await s.page.textContent('#oc-letter-short');
  assert.match(short, /^Ik maak op grond van artikel 21 lid 1 AVG bezwaar/);
  assert.match(short, /Facebook en Instagram/);
  assert.match(short, /bijzondere categorieën van persoonsgegevens over mij laten zien \(gezondheid\)/);
  assert.match(short, /Mijn openbare foto's laten mijn gezicht zien\. Het verwerken ervan om mij te identificeren zou verboden zijn/, 'a face is no Art. 9 claim by itself');
  assert.match(short, /In mijn eigen woorden: Mijn revalidatiefoto's deel ik alleen met vrienden\./);
  assert.match(short, /artikel 12 lid 3 AVG/);
  const long = await s.page.textContent('#oc-letter-long');
  assert.match(long, /^Sanne de Vries\nsanne@example\.org/);
  assert.match(long, /artikel 18 lid 1 sub d AVG/);
  const forms = await s.page.$$eval('a.oc-button[target=_blank]', (as) => as.map((a) => [a.textContent, a.href, a.rel]));
  assert.deepEqual(forms, [
    ['Open het formulier voor Facebook', 'https://www.facebook.com/help/contact/712876720715583', 'noopener noreferrer'],
    ['Open het formulier voor Instagram', 'https://help.instagram.com/contact/767264225370182', 'noopener noreferrer'],
  ]);
  assert.equal(await s.page.textContent('#oc-facts-checked'), 'Feiten over Meta voor het laatst gecontroleerd op 27 mei 2025.');
  assert.match(await s.page.textContent('.oc-art9'), /gezondheid: sterk\./, 'each category says how strong it is');
  assert.match(await s.page.textContent('#oc-more-authority .oc-more__body p'), /Autoriteit Persoonsgegevens/);
  assert.match(await s.page.textContent('main'), /Ierse Data Protection Commission/);
  assertClean(s);
  await s.context.close();
});

test('keyboard only, in English: from the start button to the copied objection text', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page } = s;
  await start(page);
  assert.equal(await page.getAttribute('.objection-check', 'lang'), 'en');
  const press = (k) => page.keyboard.press(k);
  const focusedId = () => page.evaluate(() => deepActive()?.id);
  // Tab to the start button.
  for (let i = 0; i < 10 && (await focusedId()) !== 'oc-start'; i++) await press('Tab');
  assert.equal(await focusedId(), 'oc-start');
  await press('Enter');
  await page.waitForSelector('input[name=residence]');
  assert.equal(await focusedId(), 'oc-heading', 'focus on the new question heading');
  // Each new question: its field is there and focus is on its heading (what
  // a screen reader announces) before the next key is pressed.
  const arrive = async (q) => {
    await page.waitForSelector(`[name=${q}]`);
    await page.waitForFunction(() => deepActive()?.id === 'oc-heading');
  };
  // Radios: Tab into the group, arrow keys to choose, Enter submits the form.
  const chooseRadio = async (q, downs) => {
    await arrive(q);
    for (let i = 0; i < 6 && (await page.evaluate(() => deepActive()?.name)) !== q; i++) await press('Tab');
    await press('Space');
    for (let i = 0; i < downs; i++) await press('ArrowDown');
    await press('Enter');
  };
  await chooseRadio('residence', 1); // United Kingdom
  await chooseRadio('controller', 0); // Meta
  await arrive('services');
  for (let i = 0; i < 6 && (await page.evaluate(() => deepActive()?.name)) !== 'services'; i++) await press('Tab');
  await press('Space'); // Facebook
  await press('Enter');
  await chooseRadio('age', 0);
  await chooseRadio('posted_as_minor', 1);
  // Checkboxes: Tab from box to box, Space ticks, Enter submits the form.
  const tick = async (q, value) => {
    await arrive(q);
    for (let i = 0; i < 14 && (await page.evaluate(() => deepActive()?.value)) !== value; i++) await press('Tab');
    await press('Space');
    await press('Enter');
  };
  await tick('art9', 'none'); // the nine categories on one page: none of these
  await tick('reasons', 'posted_before_notice'); // "Much of what I posted dates from before .."
  await arrive('situation_text');
  // Enter in a textarea is a new line: Tab to "Continue" instead.
  for (let i = 0; i < 6 && (await focusedId()) !== 'oc-continue'; i++) await press('Tab');
  await press('Enter');
  await chooseRadio('already_objected', 2);
  // The name and e-mail address on one page: Enter in the name sends both.
  await arrive('full_name');
  for (let i = 0; i < 6 && (await page.evaluate(() => deepActive()?.name)) !== 'full_name'; i++) await press('Tab');
  await page.keyboard.type('Alex Smith');
  await press('Enter');
  await page.waitForSelector('#oc-see-result');
  for (let i = 0; i < 80 && (await focusedId()) !== 'oc-see-result'; i++) await press('Tab');
  await press('Enter');
  await page.waitForSelector('#oc-letter-short');
  for (let i = 0; i < 20 && (await focusedId()) !== 'oc-letter-short-copy'; i++) await press('Tab');
  assert.equal(await focusedId(), 'oc-letter-short-copy');
  await press('Enter');
  await page.locator('.oc-status', { hasText: 'Copied' }).first().waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.textContent('#oc-letter-short'));
  assert.match(copied, /^I object under Art\. 21\(1\) UK GDPR/);
  assert.match(copied, /before Meta announced this use on 13 September 2024/, 'the UK notice');
  assert.doesNotMatch(copied, /sensitive information/, 'only the reasons given');
  assertClean(s);
  await s.context.close();
});

/** Starts in English and answers up to the age question, whose history entry is then written. */
async function answerUpToAge(page) {
  await start(page, { lang: 'en' });
  await page.click('#oc-start');
  await answer(page, 'residence', 'eu_eea');
  await answer(page, 'country', 'be');
  await answer(page, 'controller', 'linkedin');
  await page.waitForSelector('input[name=age]');
  // The history entry is written once the new screen has been drawn.
  await page.waitForFunction(() => history.state === 'q:age');
}

test('reload mid-way and browser back/forward keep the answers and the step', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await answerUpToAge(page);
  await page.reload();
  await page.waitForSelector('input[name=age]');
  assert.match(await page.textContent('h1'), /How old are you\?/);
  await page.goBack();
  await page.waitForSelector('input[name=controller]');
  assert.ok(await page.isChecked('input[name=controller][value=linkedin]'));
  await page.goBack();
  await page.waitForSelector('select[name=country]');
  assert.equal(await page.inputValue('select[name=country]'), 'be');
  await page.goForward();
  await page.waitForSelector('input[name=controller]');
  assertClean(s);
  await s.context.close();
});

test('going back twice in quick succession keeps the steps ahead for forward', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await answerUpToAge(page);
  // The second "back" comes before the frame that follows the first one,
  // so before the app would write that step's history entry.
  await page.evaluate(() => new Promise((resolve) => {
    addEventListener('popstate', () => setTimeout(() => { history.back(); resolve(); }, 0), { once: true });
    history.back();
  }));
  await page.waitForSelector('select[name=country]');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => history.state), 'q:country');
  await page.goForward();
  await page.waitForSelector('input[name=controller]');
  await page.goForward();
  await page.waitForSelector('input[name=age]');
  assertClean(s);
  await s.context.close();
});

test('switching language keeps answers, and the check page changes an answer and returns', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await start(page, { lang: 'nl' });
  await walk(page, META_WALK);
  await switchLanguage(page, 'en');
  assert.equal(await page.textContent('h1'), 'Check your answers');
  assert.match(await page.textContent('.oc-summary'), /Facebook\nInstagram/);
  // Change the organisation to "another organisation": its follow-up (legal basis) is asked, then back here.
  await page.click('#change-controller');
  await answer(page, 'controller', 'other');
  await answer(page, 'purpose', 'direct_marketing');
  await answer(page, 'legal_basis', 'legitimate_interest');
  await page.waitForSelector('#oc-see-result');
  assert.equal(await page.textContent('h1'), 'Check your answers');
  await page.click('#oc-see-result');
  assert.match(await page.textContent('#oc-letter-short'), /^I object under Art\. 21\(2\) GDPR to the processing of my personal data for direct marketing/);
  assertClean(s);
  await s.context.close();
});

test('download, reminder, print and export produce what they should; import restores the same result', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page } = s;
  await start(page, { lang: 'en' });
  await walk(page, META_WALK);
  await page.click('#oc-see-result');
  const shortText = await page.textContent('#oc-letter-short');

  await openMore(page, 'oc-more-letter');
  const txt = await downloadText(page, '#oc-letter-long-download');
  assert.equal(txt.name, 'objection-meta-letter.txt');
  assert.equal(txt.text, await page.textContent('#oc-letter-long'));

  const ics = await downloadText(page, '#oc-reminder');
  assert.match(ics.name, /^objection-reminder-\d{4}-\d{2}-\d{2}\.ics$/);
  assert.match(ics.text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics.text, /DTSTART;VALUE=DATE:\d{8}\r\n/);
  assert.match(ics.text, /SUMMARY:Has Meta answered my objection\?/);
  const today = new Date();
  const due = ics.name.slice(19, 29);
  const days = (new Date(due) - new Date(today.toISOString().slice(0, 10))) / 86400000;
  assert.ok(days >= 28 && days <= 31, `reminder one month later (${days} days)`);

  await page.click('#oc-letter-short-print');
  assert.equal(await page.evaluate(() => window.__prints), 1);
  await page.emulateMedia({ media: 'print' });
  const shown = (sel) => page.locator(sel).evaluate((el) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden');
  const vis = { letter: await shown('#oc-letter-short'), other: await shown('#oc-letter-long'), heading: await shown('h1') };
  assert.deepEqual(vis, { letter: true, other: false, heading: false });
  // Saved as a PDF on A4: the letter on as many pages as it needs, none blank.
  // (page.pdf() prints with the media emulated last, so print, as a browser does.)
  for (const [button, id, most] of [['#oc-letter-short-print', '#oc-letter-short', 1], ['#oc-letter-long-print', '#oc-letter-long', 2]]) {
    await page.emulateMedia({ media: 'screen' });
    await page.click(button);
    await page.emulateMedia({ media: 'print' });
    const file = join(tmpdir(), `objection-print-${process.pid}-${id.slice(1)}.pdf`);
    await page.pdf({ path: file, format: 'A4' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
    assert.ok(pages >= 1 && pages <= most, `${id}: ${pages} pages`);
    const text = (from, to) => execFileSync('pdftotext', ['-f', String(from), '-l', String(to), file, '-'], { encoding: 'utf8' });
    const words = (t) => t.replace(/\s+/g, ' ').trim();
    const first = words((await page.textContent(id)).split('\n')[0]);
    assert.ok(words(text(1, 1)).startsWith(first), `${id}: the letter starts page 1: ${words(text(1, 1)).slice(0, 120)}`);
    assert.ok(text(pages, pages).trim().length > 0, `${id}: the last page is not blank`);
    assert.doesNotMatch(text(1, pages), /Your result|Next steps/, `${id}: nothing of the app around it`);
  }
  await page.emulateMedia({ media: 'screen' });

  const exported = await downloadText(page, '#oc-export');
  const doc = JSON.parse(exported.text);
  assert.equal(doc.version, 1);
  assert.equal(doc.lang, 'en');
  assert.equal(doc.answers.controller, 'meta');

  // Erase everything, then load the file on the start screen.
  await page.click('.oc-bar .oc-link-button');
  await page.waitForSelector('#oc-start');
  assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length), 0);
  await page.setInputFiles('#oc-import', exported.path);
  await page.waitForSelector('#oc-letter-short');
  assert.equal(await page.textContent('#oc-letter-short'), shortText);

  // A broken file is refused with a reason, nothing else changes.
  await page.setInputFiles('#oc-import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 7, "lang": "en", "answers": {}}') });
  await page.waitForSelector('.oc-notice');
  assert.equal(await page.textContent('.oc-notice'), 'This file could not be loaded. This check was saved by another version of this check (version 7); this one reads version 1.');
  assert.equal(await page.textContent('#oc-letter-short'), shortText);
  // In the person's words: never a parser message or a raw byte count.
  const refused = async (name, buffer) => {
    await page.setInputFiles('#oc-import', { name, mimeType: 'application/json', buffer });
    await page.locator('.oc-notice', { hasText: 'could not be loaded' }).waitFor();
    return page.textContent('.oc-notice');
  };
  assert.equal(await refused('photo.json', Buffer.from('GIF89a not json')), 'This file could not be loaded. This is not a saved check: choose the .json file that "Save my answers" made.');
  assert.equal(await refused('huge.json', Buffer.alloc(30 * 1024 * 1024, 32)), 'This file could not be loaded. This file is 30 MB; a saved check is at most 256 KB.');
  assert.match(await refused('edited.json', Buffer.from('{"version": 1, "lang": "en", "answers": {"residence": "mars"}}')), /The saved answer to "Where do you live\?" does not fit this check/);
  assert.equal(await page.textContent('#oc-letter-short'), shortText, 'nothing else changed');
  assertClean(s);
  await s.context.close();
});

test('remember on this device moves the answers to localStorage; erase clears both, can be undone, and Back after it stays on the start', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await start(page, { lang: 'en' });
  await walk(page, META_WALK);
  await page.click('#oc-see-result');
  await page.check('#oc-remember');
  const keys = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
  assert.deepEqual(keys, { local: ['objection-check:answers'], session: [] });
  await page.click('.oc-bar .oc-link-button');
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  // Browser Back after erasing: the start screen stays, with the undo; no
  // empty question as if answers were there.
  await page.waitForSelector('#oc-undo-erase');
  await page.goBack();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('form input').count(), 0, 'no question after Back');
  assert.equal(await page.locator('#oc-start').count(), 1);
  // Undo: the answers come back, remembered on this device again, on the result.
  await page.click('#oc-undo-erase');
  await page.waitForSelector('#oc-letter-short');
  const again = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
  assert.deepEqual(again, { local: ['objection-check:answers'], session: [] });
  // "Start again" on the result erases too, with the same undo.
  await page.click('#oc-start-again');
  await page.waitForSelector('#oc-undo-erase');
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await page.click('#oc-undo-erase');
  await page.waitForSelector('#oc-letter-short');
  assertClean(s);
  await s.context.close();
});

test('outside the EEA: no letter, an explanation with Art. 3', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  await start(s.page, { lang: 'en' });
  await s.page.click('#oc-start');
  await answer(s.page, 'residence', 'elsewhere');
  await answer(s.page, 'controller', 'other');
  await answer(s.page, 'eu_establishment', 'no');
  await s.page.click('#oc-see-result');
  assert.equal(await s.page.textContent('#oc-route'), 'The GDPR probably does not protect you here');
  assert.match(await s.page.textContent('main'), /Art\. 3 GDPR/);
  assert.equal(await s.page.locator('#oc-letter-short').count(), 0);
  assertClean(s);
  await s.context.close();
});

test('in Switzerland: an objection under the Swiss FADP, and the FDPIC to report to', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  await start(s.page, { lang: 'en' });
  await walk(s.page, [['residence', 'switzerland'], ['controller', 'other'], ['eu_establishment', 'not_sure'], ['organisation_name', 'Beispiel AG'], ['organisation_address', 'Bahnhofstrasse 1, 8001 Zürich'], ['full_name', ''], ['account_email', '']]);
  await s.page.click('#oc-see-result');
  assert.equal(await s.page.textContent('#oc-route'), 'You can object under Swiss law');
  const long = await s.page.textContent('#oc-letter-long');
  assert.match(long, /To: Beispiel AG, privacy team \/ data protection officer\nBahnhofstrasse 1, 8001 Zürich/);
  assert.match(long, /Art\. 30\(2\)\(b\) of the Swiss Federal Act on Data Protection/);
  assert.doesNotMatch(long, /GDPR/);
  assert.match(await s.page.textContent('main'), /edoeb\.admin\.ch/);
  assert.equal(await s.page.locator('#oc-reminder').count(), 0, 'no Art. 12(3) deadline');
  assertClean(s);
  await s.context.close();
});

test('in Germany: the Land is asked, and its authority is where to complain', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  await start(s.page, { lang: 'en' });
  await s.page.click('#oc-start');
  await answer(s.page, 'residence', 'eu_eea');
  await answer(s.page, 'country', 'de');
  await s.page.waitForSelector('select[name=land]');
  assert.equal(await s.page.textContent('select[name=land] option[value=""]'), 'Choose a Land');
  await s.page.click('#oc-continue');
  await s.page.waitForSelector('#oc-error-summary');
  assert.match(await s.page.textContent('#oc-error-summary'), /Choose a Land/);
  await answer(s.page, 'land', 'de-by');
  await s.page.waitForSelector('input[name=controller]');
  await s.page.click('.oc-back');
  await s.page.waitForSelector('select[name=land]');
  assert.equal(await s.page.inputValue('select[name=land]'), 'de-by', 'the choice stays');
  assertClean(s);
  await s.context.close();
});

test('the e-mail field says plainly when it is not an e-mail address; the long text counts down as you type', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page } = s;
  await start(page, { lang: 'en' });
  await page.click('#oc-start');
  for (const [q, v] of META_WALK.slice(0, META_WALK.findIndex(([q]) => q === 'situation_text'))) await answer(page, q, v);
  await page.waitForSelector('textarea[name=situation_text]');
  assert.equal(await page.textContent('#situation_text-counter'), 'You have 1000 of 1000 characters left. (optional)');
  await page.fill('textarea[name=situation_text]', 'Ten chars.');
  await page.locator('#situation_text-counter', { hasText: 'You have 990 of 1000 characters left.' }).waitFor();
  await page.click('#oc-continue');
  await answer(page, 'already_objected', 'never');
  await fill(page, 'full_name', 'Alex Smith');
  await answer(page, 'account_email', 'alex@example');
  await page.waitForSelector('#oc-error-summary');
  assert.match(await page.textContent('#oc-error-summary'), /Enter an e-mail address in the right form, like name@example\.org/);
  assert.equal(await page.getAttribute('input[name=account_email]', 'type'), 'email');
  assert.match(await page.getAttribute('input[name=account_email]', 'aria-describedby'), /account_email-error/);
  await answer(page, 'account_email', 'alex@example.org');
  await page.waitForSelector('#oc-see-result');
  assertClean(s);
  await s.context.close();
});

// After sending, with a fixed clock: "I have sent it" on the result keeps the
// objection; the calendar reminder links to "My objections" (#objections,
// no answers); 35 days later that link shows it overdue with the reminder
// text; a reminder and then a refusal give the reply and the complaint to
// the person's own authority (the Netherlands: Autoriteit Persoonsgegevens;
// Ireland: the Data Protection Commission), with the whole timeline;
// impossible dates are named; a reload, a language switch and going offline
// lose nothing; erase takes the records too, with undo; axe finds nothing on
// the new screens; the Irish walk is done with the keyboard only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { BASE_URL, launch, openPage, assertClean, start, switchLanguage, walk, walkPages, openMore, downloadText, untilLanguagesKept, META_WALK } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page, where) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], where);
}

const day = (iso) => new Date(`${iso}T10:00:00`);

/** Says what they answered (or what the person did) for the record on the screen. */
async function answered(page, kind, iso, { record = 0 } = {}) {
  await page.check(`#oc-record-${record}-kind-${kind}`);
  await page.fill(`#oc-record-${record}-date`, iso);
  await page.click(`#oc-record-${record}-save`);
}

const text = (page, selector) => page.locator(selector).innerText();

test('send, come back by the reminder link after 35 days, remind, refusal: the reply and the complaint to the AP; erase and undo', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page, context } = s;
  await page.clock.setFixedTime(day('2026-01-31'));
  await start(page, { lang: 'en' });
  await walk(page, META_WALK);
  await page.click('#oc-see-result');
  await page.waitForSelector('#oc-sent-heading');
  await openMore(page, 'oc-more-sent');
  await axe(page, 'result with "I have sent it" opened');
  // The reminder's link opens "My objections" on this page and carries no answers.
  const ics = await downloadText(page, '#oc-reminder');
  const unfolded = ics.text.replace(/\r\n /g, '');
  assert.ok(unfolded.includes(`URL:${BASE_URL}#objections\r\n`), unfolded);
  assert.ok(unfolded.includes(`${BASE_URL}#objections`) && !/Sanne|sanne@|health|revalidatie/i.test(unfolded), unfolded);
  // Kept on this device, so the link opens it in another tab.
  await page.check('#oc-remember');
  assert.equal(await page.inputValue('#oc-sent-date'), '2026-01-31', 'today by default');
  await page.click('#oc-sent');
  assert.equal(await text(page, '#oc-sent-error'), 'Choose how you sent it.');
  await page.fill('#oc-sent-date', '2026-02-01');
  await page.check('#oc-sent-form');
  await page.click('#oc-sent');
  assert.equal(await text(page, '#oc-sent-error'), 'The date you sent it, 1 February 2026, is after today. Check the date.');
  await page.fill('#oc-sent-date', '2026-01-31');
  await page.click('#oc-sent');
  await page.waitForSelector('#oc-record-0');
  assert.equal(await page.evaluate(() => window.deepActive().id), 'oc-heading', 'focus on the new screen\'s heading');
  assert.equal(await text(page, 'h1'), 'My objections');
  assert.equal(await text(page, '#oc-record-0-status'), 'Waiting for an answer until 28 February 2026 (days left: 28)');
  await axe(page, 'My objections, waiting');
  await page.close();

  // 35 days later, from the calendar's link, in a new tab of the same browser.
  const p = await newTab(s);
  await p.clock.setFixedTime(day('2026-03-07'));
  await p.goto(`${BASE_URL}#objections`);
  await p.waitForSelector('#oc-record-0');
  assert.equal(await text(p, '#oc-record-0-status'), 'No answer: the deadline was 28 February 2026 (days overdue: 7)');
  const reminder = await text(p, '#oc-record-0-reminder');
  assert.match(reminder, /by 28 February 2026 \(Art\. 12\(3\) GDPR\)/);
  assert.match(reminder, /\(Art\. 12\(4\) GDPR\)/);
  await p.click('#oc-record-0-reminder-copy');
  assert.equal(await p.evaluate(() => navigator.clipboard.readText()), reminder);
  await axe(p, 'My objections, overdue');
  await answered(p, 'reminded', '2026-03-07');
  await p.waitForSelector('#oc-record-0-history li:nth-child(2)', { state: 'attached' });

  // The refusal comes on 12 March; looked at on 20 March.
  await p.clock.setFixedTime(day('2026-03-20'));
  await p.reload();
  await p.waitForSelector('#oc-record-0');
  await answered(p, 'refused', '2026-01-30');
  assert.equal(await text(p, '#oc-record-0-error'), '30 January 2026 is before the day you sent your objection (31 January 2026). Check the dates.');
  await answered(p, 'refused', '2026-03-21');
  assert.equal(await text(p, '#oc-record-0-error'), '21 March 2026 is after today. Check the date.');
  await answered(p, 'refused', '2026-03-12');
  await p.waitForSelector('#oc-record-0-refusal');
  assert.equal(await text(p, '#oc-record-0-status'), 'Refused on 12 March 2026');
  const reply = await text(p, '#oc-record-0-refusal');
  assert.match(reply, /compelling legitimate grounds/);
  assert.match(reply, /\(Art\. 18\(1\)\(d\) GDPR\)/);
  const complaint = await text(p, '#oc-record-0-complaint');
  assert.match(complaint, /- 31 January 2026: I objected through the organisation's form\.\n- 28 February 2026: the month of Art\. 12\(3\) GDPR ended without an answer\.\n- 7 March 2026: I sent a reminder\.\n- 12 March 2026: Meta refused/);
  assert.match(await text(p, '#oc-record-0-complaint-heading'), /Complaint to Autoriteit Persoonsgegevens \(AP\)/);
  assert.match(complaint, /^Complaint against Meta: my objection of 31 January 2026 \(Art\. 77 GDPR\)\n\nTo: Autoriteit Persoonsgegevens \(AP\)\n/);
  assert.match(await text(p, '#oc-record-0-authority'), /autoriteitpersoonsgegevens\.nl\/nl\/meldingsformulier-klachten/);
  assert.match(await text(p, '#oc-record-0-languages'), /works in these languages: Dutch/);
  await axe(p, 'My objections, refused');
  console.log(`\n--- complaint, a person in the Netherlands (en) ---\n${complaint}\n`);

  // In Dutch, and after a reload: nothing lost.
  await switchLanguage(p, 'nl');
  assert.equal(await text(p, 'h1'), 'Mijn bezwaren');
  assert.equal(await text(p, '#oc-record-0-status'), 'Geweigerd op 12 maart 2026');
  assert.equal(await p.locator('#oc-record-0-languages').count(), 0, 'the AP works in Dutch');
  const klacht = await text(p, '#oc-record-0-complaint');
  assert.match(klacht, /Klacht over Meta/);
  assert.match(klacht, /dwingende gerechtvaardigde gronden/);
  console.log(`\n--- complaint, a person in the Netherlands (nl) ---\n${klacht}\n`);
  await axe(p, 'Mijn bezwaren');
  await p.reload();
  await p.waitForSelector('#oc-heading');
  await p.click('.oc-back');
  await p.waitForSelector('#oc-objections');
  assert.equal(await text(p, '#oc-objections'), 'Mijn bezwaren (1)');
  await p.click('#oc-objections');
  await p.waitForSelector('#oc-record-0-complaint');

  // Erase takes the records too; undo brings them back.
  await p.click('.oc-bar .oc-link-button');
  await p.waitForSelector('#oc-undo-erase');
  assert.equal(await p.evaluate(() => localStorage.length + sessionStorage.length), 0);
  assert.equal(await p.locator('#oc-objections').count(), 0);
  await p.click('#oc-undo-erase');
  await p.waitForSelector('#oc-record-0-complaint');

  // The saved file carries the records; loaded in another browser, they are back.
  const file = await downloadText(p, '#oc-objections-export');
  const doc = JSON.parse(file.text);
  assert.equal(doc.version, 1);
  assert.deepEqual(doc.records[0].events.map((e) => [e.date, e.kind]), [['2026-03-07', 'reminded'], ['2026-03-12', 'refused']]);
  const other = await openPage(browser, { locale: 'en-GB' });
  await other.page.clock.setFixedTime(day('2026-03-20'));
  await start(other.page, { lang: 'en' });
  await other.page.setInputFiles('#oc-import', file.path);
  await other.page.waitForSelector('#oc-sent-heading');
  await other.page.goto(`${BASE_URL}#objections`);
  await other.page.waitForSelector('#oc-record-0-complaint');
  assert.equal(await text(other.page, '#oc-record-0-status'), 'Geweigerd op 12 maart 2026', 'in the language it was saved in');
  assertClean(other);
  await other.context.close();
  assertClean(s);
  await context.close();
});

/** Presses Tab until focus leaves the element `id` (a date field has a stop per part). */
async function tabOut(page, id) {
  for (let i = 0; i < 5 && (await page.evaluate(() => window.deepActive().id)) === id; i += 1) await page.keyboard.press('Tab');
}

/** A new tab in the browser of `s`, recorded like its first (see openPage). */
async function newTab(s) {
  const page = await s.context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') s.problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => s.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => s.requests.push(r));
  await page.addInitScript(() => {
    window.deepActive = () => {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      return a;
    };
  });
  return page;
}

test('a person in Ireland, keyboard only: sent by e-mail, refused; the complaint goes to the Data Protection Commission', async () => {
  const s = await openPage(browser, { locale: 'en-IE' });
  const { page } = s;
  await page.clock.setFixedTime(day('2026-01-31'));
  await start(page, { lang: 'en' });
  const irish = META_WALK.map(([q, v]) => [q, q === 'country' ? 'ie' : q === 'full_name' ? 'Aoife Murphy' : q === 'account_email' ? 'aoife@example.org' : q === 'situation_text' ? 'My recovery photos are for friends only.' : v]);
  await page.click('#oc-start');
  await walkPages(page, irish);
  await page.waitForSelector('#oc-see-result');
  await page.click('#oc-see-result');
  await page.waitForSelector('#oc-sent-heading');
  // Keyboard only: open "Have you sent it?", then from the date field (day,
  // month, year) to the channels and the button.
  await page.focus('#oc-more-sent > summary');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => window.deepActive().id), 'oc-sent-date');
  await tabOut(page, 'oc-sent-date');
  assert.equal(await page.evaluate(() => window.deepActive().id), 'oc-sent-form');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => window.deepActive().id), 'oc-sent-email');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => window.deepActive().id), 'oc-sent');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#oc-record-0');
  await page.clock.setFixedTime(day('2026-03-20'));
  await page.reload();
  await page.waitForSelector('#oc-record-0-kind-confirmed');
  // Tab to the first choice, arrow to "refused", Tab to the date, type it, Enter.
  await page.focus('#oc-record-0-kind-confirmed');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => window.deepActive().id), 'oc-record-0-kind-refused');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => window.deepActive().id), 'oc-record-0-date');
  await page.fill('#oc-record-0-date', '2026-03-12');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#oc-record-0-complaint');
  const complaint = await text(page, '#oc-record-0-complaint');
  assert.match(complaint, /- 31 January 2026: I objected by e-mail\./);
  assert.match(complaint, /\n\nTo: Data Protection Commission \(DPC\)\n/);
  assert.match(complaint, /Aoife Murphy\naoife@example\.org$/);
  assert.match(await text(page, '#oc-record-0-complaint-heading'), /Complaint to Data Protection Commission \(DPC\)/);
  assert.match(await text(page, '#oc-record-0-authority'), /forms\.dataprotection\.ie\/contact/);
  assert.equal(await page.locator('#oc-record-0-languages').count(), 0, 'the DPC works in English');
  console.log(`\n--- complaint, a person in Ireland (en) ---\n${complaint}\n`);
  await switchLanguage(page, 'nl');
  assert.equal(await text(page, '#oc-record-0-languages'), 'Data Protection Commission (DPC) werkt in deze talen: Engels en Iers. Schrijf je klacht zo mogelijk in een daarvan.');
  assertClean(s);
  await s.context.close();
});

test('offline after one visit: My objections opens from the link with everything kept', async () => {
  const s = await openPage(browser, { locale: 'nl-NL' });
  const { page, context } = s;
  await page.clock.setFixedTime(day('2026-01-31'));
  await start(page, { lang: 'nl' });
  await walk(page, META_WALK);
  await page.click('#oc-see-result');
  await page.check('#oc-remember');
  await openMore(page, 'oc-more-sent');
  await page.check('#oc-sent-post');
  await page.click('#oc-sent');
  await page.waitForSelector('#oc-record-0');
  await untilLanguagesKept(page, ['nl', 'en']);
  await context.setOffline(true);
  await page.clock.setFixedTime(day('2026-03-07'));
  // The calendar's link, opened in a new tab while offline.
  await page.close();
  const tab = await context.newPage();
  await tab.goto(`${BASE_URL}#objections`);
  await tab.waitForSelector('#oc-record-0-reminder');
  assert.equal(await text(tab, '#oc-record-0-status'), 'Geen antwoord: de termijn liep af op 28 februari 2026 (7 dagen te laat)');
  assert.match(await text(tab, '#oc-record-0-reminder'), /Herinnering: mijn bezwaar van 31 januari 2026/);
  assert.match(await text(tab, '#oc-record-0-reminder'), /per post bezwaar gemaakt/);
  await context.setOffline(false);
  assertClean(s);
  await context.close();
});

// Newsletter links: a link presets the country as well as the language and the
// organisation, as answers the person still sees and can change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage, assertClean, answer } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a French link for Belgium preselects Belgium after the person says they live in the EU/EEA, and keeps Meta', async () => {
  const s = await openPage(browser, { locale: 'nl-NL' });
  const { page } = s;
  await page.goto(BASE_URL + '#lang=fr&controller=meta&country=be&skip=start');
  await page.waitForSelector('input[name=residence]');
  assert.match(await page.textContent('h1'), /Où vivez-vous\s\?/, 'the residence question, in French');
  assert.equal(await page.locator('input[name=residence]:checked').count(), 0, 'where the person lives is theirs to answer');
  await answer(page, 'residence', 'eu_eea');
  await page.waitForSelector('select[name=country]');
  assert.match(await page.textContent('h1'), /Dans quel pays vivez-vous\s\?/);
  assert.equal(await page.inputValue('select[name=country]'), 'be', 'Belgium is selected');
  assert.equal((await page.locator('select[name=country] option:checked').textContent()).trim(), 'Belgique');
  await page.click('#oc-continue');
  await page.waitForSelector('input[name=controller]');
  assert.ok(await page.isChecked('input[name=controller][value=meta]'), 'Meta is still preselected');
  assertClean(s);
  await s.context.close();
});

test('the person can change a preset country, and an unknown one preselects nothing', async () => {
  const s = await openPage(browser, { locale: 'nl-NL' });
  const { page } = s;
  await page.goto(BASE_URL + '#lang=fr&country=be&skip=start');
  await answer(page, 'residence', 'eu_eea');
  await page.waitForSelector('select[name=country]');
  await page.selectOption('select[name=country]', 'fr');
  await page.click('#oc-continue');
  await page.waitForSelector('input[name=controller]');
  await page.click('.oc-back');
  await page.waitForSelector('select[name=country]');
  assert.equal(await page.inputValue('select[name=country]'), 'fr', 'the person’s own choice stays');
  await s.context.close();

  const t = await openPage(browser, { locale: 'nl-NL' });
  await t.page.goto(BASE_URL + '#lang=fr&country=%3Cscript%3E&skip=start');
  await answer(t.page, 'residence', 'eu_eea');
  await t.page.waitForSelector('select[name=country]');
  assert.equal(await t.page.inputValue('select[name=country]'), '', 'nothing is selected');
  assertClean(t);
  await t.context.close();
});

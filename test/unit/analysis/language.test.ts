import { describe, expect, it } from 'vitest';
import { englishShare, looksEnglish } from '../../../src/analysis/language.js';
import { analyze } from '../../../src/analysis/analyze.js';

// Texts written for this test.
const english = 'The city council voted on Tuesday to close the old bridge, which engineers said had been unsafe for '
  + 'years. The mayor, who has backed the plan since the spring, said the work would cost about 12 million dollars '
  + 'and that a new crossing should open by 2028. Residents were not told when the road would shut.';
const englishList = 'Breakfast: oatmeal, blueberries, almonds. Lunch: grilled chicken with brown rice, spinach, olive oil. '
  + 'Snack: Greek yogurt and honey, walnuts. Dinner: salmon, quinoa, broccoli, lemon. Dessert: dark chocolate, '
  + 'strawberries. Drinks: water, green tea, black coffee. Breakfast: eggs, toast, avocado, tomato. Lunch: '
  + 'turkey wrap, carrots, hummus.';
const spanish = 'El consejo de la ciudad votó el martes para cerrar el puente viejo, que según los ingenieros no era '
  + 'seguro desde hace años. La alcaldesa, que apoya el plan desde la primavera, dijo que la obra costará unos 12 '
  + 'millones de dólares y que un nuevo cruce se abrirá en 2028. "No vamos a esperar más", dijo la alcaldesa.';
const german = 'Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen, die nach Angaben der Ingenieure '
  + 'seit Jahren nicht sicher ist. Die Bürgermeisterin, die den Plan seit dem Frühjahr unterstützt, sagte, die '
  + 'Arbeiten würden etwa 12 Millionen Euro kosten und eine neue Brücke solle 2028 öffnen.';

describe('is the text English?', () => {
  it('reads English prose as English', () => {
    expect(englishShare(english).share).toBeGreaterThan(0.2);
    expect(looksEnglish(english)).toBe(true);
  });
  it('keeps an English list with few function words', () => {
    expect(englishShare(englishList).share).toBeLessThan(0.1);
    expect(looksEnglish(englishList)).toBe(true);
  });
  it('reads Spanish and German as not English', () => {
    expect(looksEnglish(spanish)).toBe(false);
    expect(looksEnglish(german)).toBe(false);
  });
  it('reads text without Latin words as not English', () => expect(looksEnglish('城市议会周二投票决定关闭这座旧桥。'.repeat(20))).toBe(false));
  it('does not judge a short text', () => expect(looksEnglish('Der Stadtrat hat beschlossen.')).toBe(true));
});

describe('analysis of a text that is not English', () => {
  it('highlights nothing, says why, and still gives every sentence a score', () => {
    const a = analyze(spanish);
    expect(a.language).toBe('other');
    expect(a.claims).toEqual([]);
    expect(a.quotes).toEqual([]);
    expect(a.attributions).toEqual([]);
    expect(a.sentences.length).toBeGreaterThan(1);
    expect(a.sentences.every((s) => s.checkworthiness === 0)).toBe(true);
  });
  it('analyses English as before', () => {
    const a = analyze(english);
    expect(a.language).toBe('en');
    expect(a.claims.length).toBeGreaterThan(0);
  });
});

describe('englishShare word scan', () => {
  // The definition the fast ASCII scan must reproduce exactly (language.ts WORD).
  const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\p{L})+(?:['’]\p{L}+)*/gu;
  const reference = (t: string) => [...t.matchAll(WORD)].map((m) => m[0].toLowerCase());
  it.each([
    "The mayor's plan, O'Neil said: don't.",
    'café naïve THE Été de la ville',
    'don’t THE’s x’漢 漢字かなカナ the',
    "rock 'n' roll '' 'the' x'",
    'ǅemal İstanbul ﬀ THE ª the',
  ])('counts the words of %j as the regex does', (t) => {
    const words = reference(t);
    const r = englishShare(t);
    expect(r.words).toBe(words.length);
    // The only listed words in these strings: English "the", "said"; other languages' "de", "la".
    expect(Math.round(r.share * r.words)).toBe(words.filter((w) => w === 'the' || w === 'said').length);
    expect(Math.round(r.other * r.words)).toBe(words.filter((w) => w === 'de' || w === 'la').length);
  });
  it('finds listed words in any letter case, and only whole words', () => {
    const r = englishShare("THE Of AND that WITH Der DIE La Y the thee othe ANDY it's E");
    // English: THE, Of, AND, that, WITH, the; other: Der, DIE, La, Y, E; 15 words.
    expect(r.words).toBe(15);
    expect(Math.round(r.share * r.words)).toBe(6);
    expect(Math.round(r.other * r.words)).toBe(5);
  });
});

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

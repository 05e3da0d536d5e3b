import { describe, expect, it } from "vitest";
import data from "@/lib/ingest/data/furniture.json";
import generated from "@/lib/ingest/data/furniture-forms.json";
import { deriveForms, furnitureCategory, UI_WORDS, vocabularyPhrases } from "@/lib/ingest/furniture";

describe("the furniture vocabulary's traditional forms (data/furniture-forms.json)", () => {
  it("are up to date with furniture.json: run `npm run data:furniture` after editing it", () => {
    const phrases = vocabularyPhrases();
    expect(Object.keys(generated.forms).sort()).toEqual(phrases);
    expect(generated.forms).toEqual(deriveForms(phrases));
  });

  it("let raw traditional and Taiwan-worded lines match like their simplified phrase", () => {
    const whole = Object.values(data.whole).flat();
    const changed = whole.filter((p) => generated.forms[p as keyof typeof generated.forms].some((f) => f !== p));
    expect(changed.length).toBeGreaterThan(10);
    for (const phrase of changed) {
      const category = furnitureCategory(phrase);
      expect(category, phrase).not.toBeNull();
      for (const form of generated.forms[phrase as keyof typeof generated.forms]) expect(furnitureCategory(form), form).toBe(category);
    }
    const ui = data.uiWords.find((p) => generated.forms[p as keyof typeof generated.forms].some((f) => f !== p))!;
    for (const form of generated.forms[ui as keyof typeof generated.forms]) expect(UI_WORDS.has(form), form).toBe(true);
  });
});

import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { LIST_LIMIT, firstN, moreNote } from './ui/bounded.js';

describe('firstN and moreNote', () => {
  it('keeps the first N and counts the rest', () => {
    const items = Array.from({ length: 308_405 }, (_, i) => i);
    const { shown, more } = firstN(items);
    expect(shown).toHaveLength(LIST_LIMIT);
    expect(shown[0]).toBe(0);
    expect(more).toBe(308_405 - LIST_LIMIT);
    expect(firstN([1, 2, 3])).toEqual({ shown: [1, 2, 3], more: 0 });
  });

  it('says how many more there are, and nothing when none was cut', () => {
    const target = document.createElement('div');
    render(moreNote(308_305, 'en-US'), target);
    expect(target.textContent?.trim()).toBe('308,305 more — filter to narrow');
    render(moreNote(0), target);
    expect(target.textContent?.trim()).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { UC1, cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { useCaseTooLong } from './use-case-too-long.js';

const tooLong = findingFor('use-case-too-long', 'warn')('UC-1', UC1, `${UC1}/story`);

function withStory(story: unknown): Record<string, any> {
  const spec = cleanSpec();
  spec.useCases[0].story = story;
  return spec;
}

/** A job story of exactly `count` words. */
function storyOf(count: number): string {
  const frame = 'When a conversion fires, I want a customer, so that sales can call'.split(' ');
  return [...frame, ...Array.from({ length: count - frame.length }, (_, i) => `w${i}`)].join(' ') + '.';
}

describe('use-case-too-long', () => {
  it('finds nothing in the short story of the example', () => {
    expect(findingsOf(useCaseTooLong, cleanSpec())).toStrictEqual([]);
  });

  it('accepts exactly 80 words, however they are spaced', () => {
    expect(findingsOf(useCaseTooLong, withStory(storyOf(80)))).toStrictEqual([]);
    expect(findingsOf(useCaseTooLong, withStory(storyOf(80).replace(/ /g, '\n   ')))).toStrictEqual([]);
  });

  it('warns about more than 80 words, about the use case', () => {
    expect(findingsOf(useCaseTooLong, withStory(storyOf(81)))).toStrictEqual([tooLong]);
  });

  it('warns about more than one paragraph', () => {
    const story = 'When a conversion fires, I want a customer, so that sales can call.\n\nAlso the owner should be set.';
    expect(findingsOf(useCaseTooLong, withStory(story))).toStrictEqual([tooLong]);
    expect(findingsOf(useCaseTooLong, withStory(story.replace('\n\n', '\r\n  \r\n')))).toStrictEqual([tooLong]);
  });

  it('reads a single line break, and blank lines around the story, as one paragraph', () => {
    const story = '\n\nWhen a conversion fires,\nI want a customer,\nso that sales can call.\n\n';
    expect(findingsOf(useCaseTooLong, withStory(story))).toStrictEqual([]);
  });

  it('reports a story both too long and of several paragraphs once', () => {
    expect(findingsOf(useCaseTooLong, withStory(`${storyOf(81)}\n\nMore.`))).toStrictEqual([tooLong]);
  });

  it('leaves a missing story to use-case-story', () => {
    expect(findingsOf(useCaseTooLong, withStory(undefined))).toStrictEqual([]);
  });
});

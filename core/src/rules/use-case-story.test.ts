import { describe, expect, it } from 'vitest';
import { UC1, cleanSpec, findingFor, findingsOf } from '../../../test/support/rules.js';
import { useCaseStory } from './use-case-story.js';

const storyFinding = findingFor('use-case-story', 'warn');

function withStory(story: unknown): Record<string, any> {
  const spec = cleanSpec();
  spec.useCases[0].story = story;
  return spec;
}

describe('use-case-story', () => {
  it('accepts the job story of the example', () => {
    expect(findingsOf(useCaseStory, cleanSpec())).toStrictEqual([]);
  });

  it('accepts user stories', () => {
    for (const story of [
      'As a salesperson, I want new prospects in the CRM, so that I can call them the same day.',
      'As an account manager I need the campaign history so that I know what the customer has seen.',
      'as the RevOps lead, i want one customer per email, so that reports count people once.',
    ]) {
      expect(findingsOf(useCaseStory, withStory(story))).toStrictEqual([]);
    }
  });

  it('accepts job stories, over several lines', () => {
    const story = 'When a prospect downloads a white paper,\nI want a CRM task for the owner,\nso that the follow-up happens while the interest is fresh.';
    expect(findingsOf(useCaseStory, withStory(story))).toStrictEqual([]);
  });

  it('warns about a missing or blank story, about the use case', () => {
    const expected = [storyFinding('UC-1', UC1, `${UC1}/story`)];
    expect(findingsOf(useCaseStory, withStory(undefined))).toStrictEqual(expected);
    expect(findingsOf(useCaseStory, withStory(''))).toStrictEqual(expected);
    expect(findingsOf(useCaseStory, withStory(' \n '))).toStrictEqual(expected);
  });

  it('warns about a story in neither form', () => {
    for (const story of [
      'Create a CRM customer for every conversion.',
      'As a salesperson, I want new prospects in the CRM.',
      'When a conversion fires, I want a customer record.',
      'I want a customer record so that sales can call.',
      'The salesperson, as a user, wants records, so that they can call.',
    ]) {
      expect(findingsOf(useCaseStory, withStory(story))).toStrictEqual([storyFinding('UC-1', UC1, `${UC1}/story`)]);
    }
  });

  it('reports each use case, naming derived ids', () => {
    const spec = cleanSpec();
    spec.useCases.push({ title: 'Second', dataFlows: [] });
    spec.useCases.push({ id: 'UC-9', title: 'Third', story: 'Sync the owners.', dataFlows: [] });
    expect(findingsOf(useCaseStory, spec)).toStrictEqual([
      storyFinding('UC-2', '/useCases/1', '/useCases/1/story'),
      storyFinding('UC-9', '/useCases/2', '/useCases/2/story'),
    ]);
  });
});

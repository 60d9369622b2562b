import { describe, expect, it } from 'vitest';
import { mockClassicModule } from '../src/mock-classic-module.js';

const SPEC = {
  'x-jamf-source': { jamfProVersion: '11.30.1' },
  'x-jamf-classic-resources': {
    widgets: {
      segment: 'widgets',
      root: 'widget',
      schema: 'widget',
      list: { path: '/widgets', root: 'widgets', schema: 'widgets' },
      lookups: { id: { path: '/widgets/id/{id}', param: 'id', methods: ['get', 'post'] } },
    },
  },
  components: {
    schemas: {
      widget: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          general: {
            type: 'object',
            required: ['size'],
            properties: { size: { type: 'integer' } },
          },
          tags: { type: 'array', items: { type: 'string' }, 'x-jamf-classic-item': 'tag' },
        },
      },
      widgets: {
        type: 'array',
        'x-jamf-classic-item': 'widget',
        'x-jamf-classic-size': true,
        items: { type: 'object', properties: { id: { type: 'integer' } } },
      },
    },
  },
};

/** Evaluates one `JSON.parse("…")` constant of the generated module. */
function constant(text: string, name: string): unknown {
  const match = new RegExp(`export const ${name}[^=]*= JSON\\.parse\\((".*")\\);`).exec(text);
  return JSON.parse(JSON.parse(match?.[1] ?? '"null"'));
}

describe('mock-server target: the Classic facts', () => {
  it('carries each resource with its required elements, and the shapes of objects and lists', () => {
    const text = mockClassicModule(SPEC);
    expect(constant(text, 'classicResourceFacts')).toEqual({
      widgets: { ...SPEC['x-jamf-classic-resources'].widgets, required: ['name', 'general.size'] },
    });
    expect(constant(text, 'classicXmlShapes')).toEqual({
      widget: { o: { name: 's', general: { o: { size: 'n' } }, tags: { a: 'tag', i: 's' } } },
      widgets: { a: 'widget', s: true, i: { o: { id: 'n' } } },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { type ClassicObject, parseClassicXml, toClassicXml } from '../src/index.js';

const roundTrip = (root: string, value: unknown) => parseClassicXml(toClassicXml(root, value));

describe('XML in Classic conventions', () => {
  it('writes arrays as a plural wrapper with <size> and singular children', () => {
    const group: ClassicObject<'computergroups'> = {
      name: 'Lab',
      is_smart: false,
      computers: [
        { id: 1, name: 'mac-1' },
        { id: 2, name: 'mac-2' },
      ],
    };
    expect(toClassicXml('computer_group', group)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><computer_group><name>Lab</name><is_smart>false</is_smart>' +
        '<computers><size>2</size><computer><id>1</id><name>mac-1</name></computer>' +
        '<computer><id>2</id><name>mac-2</name></computer></computers></computer_group>',
    );
  });

  it('round-trips a smart group with criteria to the same object', () => {
    const group: ClassicObject<'computergroups'> = {
      name: 'Stale Macs',
      is_smart: true,
      site: { id: -1, name: 'None' },
      criteria: [
        {
          name: 'Last Check-in',
          priority: 0,
          and_or: 'and',
          search_type: 'more than x days ago',
          value: '30',
          opening_paren: false,
          closing_paren: false,
        },
      ],
      computers: [],
    };
    expect(roundTrip('computer_group', group)).toEqual({ root: 'computer_group', value: group });
  });

  it('keeps a one-element array an array, and an empty one empty', () => {
    const xml = toClassicXml('computer_group', {
      name: 'One',
      is_smart: false,
      computers: [{ id: 9 }],
    });
    expect(xml).toContain('<computers><size>1</size><computer><id>9</id></computer></computers>');
    expect(parseClassicXml(xml).value).toEqual({
      name: 'One',
      is_smart: false,
      computers: [{ id: 9 }],
    });
    expect(
      parseClassicXml('<computer_group><name>None</name><computers/></computer_group>').value,
    ).toEqual({
      name: 'None',
      computers: [],
    });
  });

  it('escapes & < > " \' and reads them back unchanged', () => {
    const name = `R&D <lab> "north" wing's`;
    const xml = toClassicXml('category', { name });
    expect(xml).toContain('<name>R&amp;D &lt;lab&gt; &quot;north&quot; wing&apos;s</name>');
    expect(parseClassicXml(xml).value).toEqual({ name });
  });

  it('keeps unicode, whitespace and script text intact', () => {
    const script: ClassicObject<'scripts'> = {
      name: 'Grüße ✓',
      script_contents: '#!/bin/sh\nif [ "$1" -lt 3 ] && true; then\n  echo "<ok>"\nfi\n',
    };
    expect(roundTrip('script', script).value).toEqual(script);
  });

  it('tells an empty element from an omitted one', () => {
    const xml = toClassicXml('building', {
      name: 'HQ',
      city: '',
      street_address1: undefined,
      zip_postal_code: null,
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><building><name>HQ</name><city></city><zip_postal_code></zip_postal_code></building>',
    );
    const read = parseClassicXml(xml).value as Record<string, unknown>;
    expect(read).toEqual({ name: 'HQ', city: '', zip_postal_code: '' });
    expect('street_address1' in read).toBe(false);
  });

  it('writes booleans and numbers as Jamf does and types them back from the schema', () => {
    const xml = toClassicXml('category', { name: '007', priority: 0 });
    expect(xml).toContain('<name>007</name><priority>0</priority>');
    expect(parseClassicXml(xml).value).toEqual({ name: '007', priority: 0 });
  });

  it('reads a list root into an array of its items', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<computers>\n  <size>1</size>\n  <computer>\n    <id>4</id>\n    <name>mac</name>\n  </computer>\n</computers>';
    expect(parseClassicXml(xml)).toEqual({ root: 'computers', value: [{ id: 4, name: 'mac' }] });
  });

  it('round-trips a policy with scope, scripts and repeated elements', () => {
    const policy: ClassicObject<'policies'> = {
      general: {
        name: 'Install Office',
        enabled: true,
        frequency: 'Once per computer',
        trigger_checkin: true,
      },
      scope: {
        all_computers: false,
        computers: [{ id: 1, name: 'mac-1' }],
        computer_groups: [{ id: 3, name: 'Lab' }],
      },
      scripts: [{ id: 5, name: 'install.sh', priority: 'After', parameter4: 'a&b' }],
    };
    expect(roundTrip('policy', policy).value).toEqual(policy);
  });

  it('keeps text that looks like markup or entities, and CR line ends, exactly', () => {
    for (const name of [
      '&lt;',
      '&amp;amp;',
      'caf&#233;',
      ']]>',
      'a\r\nb',
      'a\rb',
      '\ttabbed ',
      ' ',
    ]) {
      expect(parseClassicXml(toClassicXml('category', { name })).value).toEqual({ name });
    }
  });

  it('round-trips 500 seeded random strings of awkward characters', () => {
    const alphabet = [
      'a',
      'Z',
      '0',
      ' ',
      '\n',
      '\r',
      '\t',
      '&',
      '<',
      '>',
      '"',
      "'",
      ';',
      '#',
      'é',
      '✓',
      '😀',
      ']]>',
      '&amp;',
    ];
    let state = 20_240_611;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state;
    };
    for (let i = 0; i < 500; i += 1) {
      const length = next() % 12;
      const name = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      const script = { name, script_contents: name, parameters: { parameter4: name } };
      expect(parseClassicXml(toClassicXml('script', script)).value).toEqual(script);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { addressList } from './address-list.js';

describe('address lists as registries write them', () => {
  it('keeps every address and drops names, comments and duplicates', () => {
    expect(addressList('abuse@x.example  <abuse@x.example>')).toEqual(['abuse@x.example']);
    expect(addressList('abuse@x.example, noc@y.example')).toEqual(['abuse@x.example', 'noc@y.example']);
    expect(addressList('abuse@x.example,')).toEqual(['abuse@x.example']);
    expect(addressList('abuse@x.example (preferred)')).toEqual(['abuse@x.example']);
    expect(addressList('abuse@x.example abuse2@x.example')).toEqual(['abuse@x.example', 'abuse2@x.example']);
    expect(addressList('Abuse Desk <ABUSE@X.EXAMPLE>; cert@y.example.')).toEqual(['abuse@x.example', 'cert@y.example']);
  });

  it('finds nothing in what is no address, and bounds what it reads', () => {
    expect(addressList('not an address')).toEqual([]);
    expect(addressList('')).toEqual([]);
    expect(addressList('@x.example, a@, a@b, <script>@x.example')).toEqual([]);
    expect(addressList(`${'a@x.example, '.repeat(100_000)}`)).toEqual(['a@x.example']);
  });
});

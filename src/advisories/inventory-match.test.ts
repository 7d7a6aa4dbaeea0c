/** Matching an organisation's product inventory against an advisory's affected products, CPE and purl alike. */
import { describe, expect, it } from 'vitest';
import { InventoryIndex, productKeyOf, type ProductKey } from './inventory-match.js';

/** The entries of one inventory that name an affected product, in the inventory's order. */
function matchInventory(inventory: string[], affected: ProductKey[]): string[] {
  const index = new InventoryIndex();
  index.add('org', inventory);
  const found = index.match(affected).get('org') ?? [];
  return inventory.filter((entry) => found.includes(entry));
}

const affected = [
  'cpe:2.3:o:example:router_firmware:2.0:*:*:*:*:*:*:*',
  'pkg:npm/%40example/web-ui@4.1.0',
  'cpe:/a:apache:http_server:2.4.49',
  'pkg:maven/org.apache.logging.log4j/log4j-core',
].map((id) => productKeyOf(id)!);

describe('product inventory matching', () => {
  it('reads CPE 2.3, CPE 2.2 and purl, and refuses what is none of them', () => {
    expect(productKeyOf('cpe:2.3:o:example:router_firmware:2.0:*:*:*:*:*:*:*')).toEqual({
      kind: 'cpe',
      product: 'o:example:router_firmware',
      version: '2.0',
      update: null,
    });
    expect(productKeyOf('cpe:/a:Apache:HTTP_Server')).toEqual({
      kind: 'cpe',
      product: 'a:apache:http_server',
      version: null,
      update: null,
    });
    expect(productKeyOf('cpe:2.3:a:vendor:name\\:with\\:colons:1.0:*:*:*:*:*:*:*')).toEqual({
      kind: 'cpe',
      product: 'a:vendor:name:with:colons',
      version: '1.0',
      update: null,
    });
    expect(productKeyOf('pkg:npm/%40example/web-ui@4.1.0')).toEqual({ kind: 'purl', product: 'npm/@example/web-ui', version: '4.1.0' });
    for (const bad of ['', 'router 2.0', 'cpe:2.3:*:*:*', 'pkg:', 'pkg:/x', 'cpe:', 'http://example.com', 'x'.repeat(10_000)])
      expect(productKeyOf(bad), bad).toBeUndefined();
  });

  it('matches the same product and version, or any version when either side leaves it open', () => {
    const inventory = [
      'cpe:2.3:o:example:router_firmware:2.0:*:*:*:*:*:*:*',
      'cpe:2.3:o:example:router_firmware:1.9:*:*:*:*:*:*:*',
      'pkg:npm/%40example/web-ui',
      'cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*',
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      'pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1',
      'pkg:npm/%40example/web-ui-extra@4.1.0',
      'not an identifier',
    ];
    expect(matchInventory(inventory, affected)).toEqual([
      'cpe:2.3:o:example:router_firmware:2.0:*:*:*:*:*:*:*',
      'pkg:npm/%40example/web-ui',
      'cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*',
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    ]);
    expect(matchInventory([], affected)).toEqual([]);
    // A CPE's update tells cumulative updates apart; an inventory that leaves it open matches each.
    const exchange = [productKeyOf('cpe:2.3:a:microsoft:exchange_server:2019:cumulative_update_12:*:*:*:*:*:*')!];
    expect(
      matchInventory(
        [
          'cpe:2.3:a:microsoft:exchange_server:2019:cumulative_update_14:*:*:*:*:*:*',
          'cpe:2.3:a:microsoft:exchange_server:2019:*:*:*:*:*:*:*',
          'cpe:2.3:a:microsoft:exchange_server:2016:cumulative_update_12:*:*:*:*:*:*',
        ],
        exchange,
      ),
    ).toEqual(['cpe:2.3:a:microsoft:exchange_server:2019:*:*:*:*:*:*:*']);
  });

  it('finds every organisation an advisory concerns through the index, once each', () => {
    const index = new InventoryIndex();
    index.add('water', ['cpe:2.3:o:example:router_firmware:2.0:*:*:*:*:*:*:*', 'cpe:2.3:o:example:router_firmware:*:*:*:*:*:*:*:*']);
    index.add('school', ['pkg:npm/%40example/web-ui@4.0.0']);
    index.add('city', ['pkg:npm/%40example/web-ui@4.1.0', 'garbage']);
    const found = index.match(affected);
    expect([...found.keys()].sort()).toEqual(['city', 'water']);
    expect(found.get('water')).toEqual([
      'cpe:2.3:o:example:router_firmware:2.0:*:*:*:*:*:*:*',
      'cpe:2.3:o:example:router_firmware:*:*:*:*:*:*:*:*',
    ]);
  });
});

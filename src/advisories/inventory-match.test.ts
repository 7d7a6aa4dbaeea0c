/** Matching an organisation's product inventory against an advisory's affected products, CPE and purl alike. */
import { describe, expect, it } from 'vitest';
import { InventoryIndex, productKeyOf, type ProductKey } from './inventory-match.js';
import { affectedProductKeys } from './notify.js';

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

  it('reads version ranges and relationships from a product tree, and matches versions inside a range only', () => {
    const product = (id: string, helper: Record<string, string>) => ({ name: id, product_id: id, product_identification_helper: helper });
    const document = {
      product_tree: {
        branches: [
          {
            category: 'vendor',
            name: 'Example',
            branches: [
              {
                category: 'product_name',
                name: 'Router firmware',
                branches: [
                  {
                    category: 'product_version_range',
                    name: 'vers:generic/>=2.0|<2.4.50',
                    product: product('FW-RANGE', { cpe: 'cpe:2.3:o:example:router_firmware:*:*:*:*:*:*:*:*' }),
                  },
                  {
                    category: 'product_version_range',
                    name: 'prior to 4.1.2',
                    product: product('UI-OLD', { purl: 'pkg:npm/%40example/web-ui' }),
                  },
                  {
                    category: 'product_version',
                    name: '2.4.50',
                    product: product('FW-FIXED', { cpe: 'cpe:2.3:o:example:router_firmware:2.4.50:*:*:*:*:*:*:*' }),
                  },
                ],
              },
            ],
          },
          { category: 'product_name', name: 'Linux', product: product('OS', { cpe: 'cpe:/o:example:linux:9' }) },
          { category: 'product_name', name: 'libfoo', product: product('LIB', { purl: 'pkg:rpm/example/libfoo@1.2-3' }) },
        ],
        relationships: [
          {
            category: 'default_component_of',
            product_reference: 'LIB',
            relates_to_product_reference: 'OS',
            full_product_name: { name: 'libfoo on Linux 9', product_id: 'OS:LIB' },
          },
        ],
      },
      vulnerabilities: [
        { product_status: { known_affected: ['FW-RANGE', 'UI-OLD', 'OS:LIB'], fixed: ['FW-FIXED'] } },
        { product_status: { under_investigation: ['NOT-IN-TREE'] } },
      ],
    };
    const keys = affectedProductKeys(document);
    expect(keys.map((k) => `${k.product}${k.range ? ` in range` : ''}`)).toEqual([
      'o:example:router_firmware in range',
      'npm/@example/web-ui in range',
      'rpm/example/libfoo',
      'o:example:linux',
    ]);
    expect(
      matchInventory(
        [
          'cpe:2.3:o:example:router_firmware:2.4.49:*:*:*:*:*:*:*',
          'cpe:2.3:o:example:router_firmware:2.4.50:*:*:*:*:*:*:*',
          'cpe:2.3:o:example:router_firmware:1.9:*:*:*:*:*:*:*',
          'cpe:2.3:o:example:router_firmware:*:*:*:*:*:*:*:*',
          'pkg:npm/%40example/web-ui@4.1.1',
          'pkg:npm/%40example/web-ui@4.1.2',
          'pkg:rpm/example/libfoo@1.2-3',
          'cpe:2.3:o:example:linux:9:*:*:*:*:*:*:*',
          'cpe:2.3:o:example:linux:8:*:*:*:*:*:*:*',
        ],
        keys,
      ),
    ).toEqual([
      'cpe:2.3:o:example:router_firmware:2.4.49:*:*:*:*:*:*:*',
      'cpe:2.3:o:example:router_firmware:*:*:*:*:*:*:*:*',
      'pkg:npm/%40example/web-ui@4.1.1',
      'pkg:rpm/example/libfoo@1.2-3',
      'cpe:2.3:o:example:linux:9:*:*:*:*:*:*:*',
    ]);
  });
});

@mapping @legacy-data
Feature: The estate's mapping file checks what the office keys
  The engine maps ERP items to storefront products by the estate's mapping file
  (fixtures/mappings/default-estate.yaml for the seeded estate): where each field comes
  from, the office's code tables, and the checks an item must pass. An item that fails a
  check is reported as a data error on that item and left as it is on the storefront;
  every other item, and the item's other syncs, keep flowing.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: A new web item with a GTIN keyed wrong is not listed, and the others are
    Given the office keys a new web item "MAP-0001" in the ERP:
      | field       | value          |
      | description | Walnut Trivet  |
      | brand       | Northwind      |
      | price       | 16.00          |
      | gtin        | 40000000001X   |
    And the office keys a new web item "MAP-0002" in the ERP:
      | field       | value          |
      | description | Walnut Coaster |
      | brand       | Northwind      |
      | price       | 6.00           |
      | gtin        | 4000000000017  |
    When the engine's next poll has run
    Then the storefront does not list "MAP-0001"
    And the engine reports a data error for "MAP-0001" saying "the GTIN must be 8, 12, 13 or 14 digits"
    And the storefront lists "MAP-0002" as active
    And the engine reports no data error for "MAP-0002"

  Scenario: The office corrects the GTIN and the item goes live
    Given the office keys a new web item "MAP-0003" in the ERP:
      | field       | value         |
      | description | Birch Ladle   |
      | brand       | Contoso       |
      | price       | 11.00         |
      | gtin        | 400000000     |
    And the engine's next poll has run
    When the office keys the GTIN of "MAP-0003" as "4000000000024" in the ERP
    And the engine's next poll has run
    Then the storefront lists "MAP-0003" as active
    And the engine reports no data error for "MAP-0003"

  Scenario: A listed item's GTIN keyed wrong stops its product changes, not its price
    Given a web item known as "the tray"
    When the office keys the GTIN of "the tray" as "TRAY-2" in the ERP
    And the office sets the ERP price of "the tray" to 41.00
    And the engine's next poll has run
    Then the storefront sells "the tray" at 41.00
    And the storefront lists "the tray" as active
    And the engine reports a data error for "the tray" saying "gtin 'TRAY-2' does not match"

  Scenario: A bad GTIN never holds up withdrawing an item
    Given a web item known as "the jug"
    When the office keys the GTIN of "the jug" as "JUG" in the ERP
    And the engine's next poll has run
    And the office blocks "the jug" in the ERP
    And the engine's next poll has run
    Then the storefront lists "the jug" as archived

@clearance
Feature: Low stock and clearance
  The storefront warns shoppers when few are left: at or below the item's own threshold in
  the ERP, else its category's (this estate's mapping: KITCHEN at 8, STATIONERY at 12).
  End-of-line items are sold off at the clearance price — 30% off, the ERP price struck
  through — without backorders, and are archived once sold out.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: Stock at or below the item's threshold is flagged low, and the flag goes when restocked
    Given a web item known as "the lamp" with 15 in stock in the ERP
    And the office sets the low-stock threshold of "the lamp" to 10 in the ERP
    When the warehouse books 6 of "the lamp" out in the ERP
    And the engine's next poll has run
    Then the storefront flags "the lamp" as low stock
    When the warehouse receives 20 of "the lamp" in the ERP
    And the engine's next poll has run
    Then the storefront does not flag "the lamp" as low stock

  Scenario Outline: The category's threshold applies where the item has none
    Given a web item known as "the item" in the category "<category>" with <stock> in stock in the ERP
    When the engine's next poll has run
    Then the storefront <flags> "the item" as low stock

    Examples:
      | category   | stock | flags          |
      | KITCHEN    | 8     | flags          |
      | KITCHEN    | 9     | does not flag  |
      | STATIONERY | 12    | flags          |
      | APPAREL    | 2     | does not flag  |

  Scenario: The item's own threshold wins over its category's
    Given a web item known as "the pan" in the category "KITCHEN" with 7 in stock in the ERP
    And the office sets the low-stock threshold of "the pan" to 3 in the ERP
    When the engine's next poll has run
    Then the storefront does not flag "the pan" as low stock

  Scenario: Moving an item to a category with a threshold flags it
    Given a web item known as "the notebook" with 10 in stock in the ERP
    When the office moves "the notebook" to the category "STATIONERY" in the ERP
    And the engine's next poll has run
    Then the storefront flags "the notebook" as low stock

  Scenario Outline: An end-of-line item sells at the clearance price, its old price struck through
    Given a web item known as "the jug"
    When the office sets the ERP price of "the jug" to <erp price>
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront sells "the jug" at <clearance price> instead of <erp price>
    And the storefront flags "the jug" as clearance

    Examples:
      | erp price | clearance price |
      | 40.00     | 28.00           |
      | 19.99     | 13.99           |
      | 9.95      | 6.97            |

  Scenario: An end-of-line item takes no backorders
    Given a web item known as "the chair"
    And the office allows backorders for "the chair" in the ERP
    When the office codes "the chair" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront stops selling "the chair" when it is out of stock

  Scenario: An end-of-line item is archived once sold out
    Given a web item known as "the jug" with 3 in stock in the ERP
    When the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront lists "the jug" as active
    When the warehouse books 3 of "the jug" out in the ERP
    And the engine's next poll has run
    Then the storefront lists "the jug" as archived

  Scenario: A price change during clearance is marked down too
    Given a web item known as "the jug"
    When the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the office sets the ERP price of "the jug" to 50.00
    And the engine's next poll has run
    And the office sets the ERP price of "the jug" to 30.00
    And the engine's next poll has run
    Then the storefront sells "the jug" at 21.00 instead of 30.00

  Scenario: When the office ends the clearance, the item sells at its ERP price again
    Given a web item known as "the jug"
    When the office sets the ERP price of "the jug" to 40.00
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    And the office codes "the jug" as "" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront sells "the jug" at 40.00
    And the storefront does not flag "the jug" as clearance

  @legacy-data
  Scenario Outline: The office's shorthand for end of line starts a clearance
    Given a web item known as "the jug"
    When the office sets the ERP price of "the jug" to 20.00
    And the office codes "the jug" as "<code>" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront sells "the jug" at 14.00 instead of 20.00

    Examples:
      | code      |
      | EOL       |
      | end       |
      | CLR       |
      | Clearance |

  @yearly
  Scenario: End-of-season clearance: the season's items are marked down, and each is archived as it sells out
    Given a web item known as "the scarf" with 2 in stock in the ERP
    And a web item known as "the gloves" with 10 in stock in the ERP
    When the office sets the ERP price of "the scarf" to 30.00
    And the office sets the ERP price of "the gloves" to 20.00
    And the office codes "the scarf" as "EOL" in the ERP's life-cycle field
    And the office codes "the gloves" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront sells "the scarf" at 21.00 instead of 30.00
    And the storefront sells "the gloves" at 14.00 instead of 20.00
    When the warehouse books 2 of "the scarf" out in the ERP
    And the engine's next poll has run
    Then the storefront lists "the scarf" as archived
    And the storefront lists "the gloves" as active

  @fault
  Scenario: The storefront throttles during the markdown; the clearance price arrives once it lets up
    Given a web item known as "the jug"
    And the storefront answers its next 4 calls with "too many requests"
    When the office sets the ERP price of "the jug" to 40.00
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    And the engine has had 3 minutes to retry
    Then the storefront sells "the jug" at 28.00 instead of 40.00
    And the storefront flags "the jug" as clearance

  @shopper-view
  Scenario: Shoppers see the clearance price with the old price struck through
    Given a web item known as "the jug" with 20 in stock in the ERP
    When the office sets the ERP price of "the jug" to 40.00
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    Then a shopper looking at "the jug" sees the price $28.00 with $40.00 struck through

  @shopper-view
  Scenario: Shoppers see "only N left" at the item's threshold
    Given a web item known as "the lamp" with 9 in stock in the ERP
    And the office sets the low-stock threshold of "the lamp" to 10 in the ERP
    When the engine's next poll has run
    Then a shopper looking at "the lamp" sees "Only 9 left"
    And a shopper can add "the lamp" to the cart

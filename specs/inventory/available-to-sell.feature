@inventory
Feature: Available-to-sell from the warehouse and the stores
  The storefront sells what the warehouse can still promise, plus the stock of the stores the merchant offers
  to the web, less the safety stock held back and the web orders the warehouse has not allocated yet; never
  below zero. A sale at a store's till or a pick in the warehouse moves the storefront's number.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the engine plans available-to-sell from the warehouse and the stores

  Scenario Outline: The warehouse's stock and the stock of the stores offered to the web
    Given a web item known as "the lamp" with <warehouse> in the warehouse, <store 1> in "Store 1" and <store 2> in "Store 2"
    And the stores offering their stock to the web are "<offered>"
    When the engine's next poll has run
    Then the storefront shows <available> of "the lamp" available

    Examples:
      | warehouse | store 1 | store 2 | offered          | available |
      | 12        | 5       | 3       | none             | 12        |
      | 12        | 5       | 3       | Store 1          | 17        |
      | 12        | 5       | 3       | Store 1, Store 2 | 20        |
      | 0         | 4       | 0       | Store 1          | 4         |

  Scenario Outline: Safety stock is held back: the item's own, else its category's, else every item's
    Given a web item known as "the lamp" with 10 in the warehouse
    And the merchant's safety stock is <every item> on every item, <category> on the category of "the lamp" and <own> on "the lamp"
    When the engine's next poll has run
    Then the storefront shows <available> of "the lamp" available

    Examples:
      | every item | category | own | available |
      | 2          | -        | -   | 8         |
      | 2          | 4        | -   | 6         |
      | 2          | 4        | 1   | 9         |
      | 15         | -        | -   | 0         |

  Scenario: A sale at the till of a store offered to the web lowers what the storefront offers
    Given a web item known as "the lamp" with 10 in the warehouse and 6 in "Store 1"
    And the stores offering their stock to the web are "Store 1"
    And the engine's next poll has run
    When "Store 1" sells 4 of "the lamp"
    And the engine's next poll has run
    Then the storefront shows 12 of "the lamp" available

  Scenario: A sale in a store that keeps its stock to itself changes nothing on the web
    Given a web item known as "the lamp" with 10 in the warehouse, 6 in "Store 1" and 5 in "Store 2"
    And the stores offering their stock to the web are "Store 1"
    And the engine's next poll has run
    When "Store 2" sells 3 of "the lamp"
    And the engine's next poll has run
    Then the storefront shows 16 of "the lamp" available

  Scenario: A pick in the warehouse lowers what the storefront offers
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When the warehouse picks 3 of "the lamp"
    And the engine's next poll has run
    Then the storefront shows 7 of "the lamp" available

  Scenario: Web orders the warehouse has not allocated yet stay reserved when goods arrive
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When a shopper "ada@example.com" orders 3 of "the lamp" on the storefront
    And the warehouse receives 5 of "the lamp"
    And the engine's next poll has run
    Then the storefront shows 12 of "the lamp" available

  Scenario: An order the warehouse has allocated is not held back twice
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When a shopper "ada@example.com" orders 3 of "the lamp" on the storefront
    And the engine polls 2 more times
    Then the warehouse has 1 shipment for the web order
    And the storefront shows 7 of "the lamp" available

  Scenario: A cancelled web order goes back on sale
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When a shopper "ada@example.com" orders 4 of "the lamp" on the storefront
    And the web order is cancelled on the storefront
    And the engine polls 2 more times
    Then the storefront shows 10 of "the lamp" available

  @legacy-data
  Scenario: A store that sold more than its books held offers nothing, and takes nothing from the warehouse
    Given a web item known as "the lamp" with 10 in the warehouse
    And the stores offering their stock to the web are "Store 1"
    And "Store 1" sold 5 of "the lamp" while its books held 2
    When the engine's next poll has run
    Then the storefront shows 10 of "the lamp" available

  @legacy-data
  Scenario: The ERP's stock of an item keyed with drift no longer decides: the warehouse does
    Given a web item known as "the bottle" whose ERP number the office keyed with drift
    And "the bottle" has 9 in the warehouse
    When the warehouse books 4 of "the bottle" out in the ERP
    And the engine's next poll has run
    Then the storefront shows 9 of "the bottle" available

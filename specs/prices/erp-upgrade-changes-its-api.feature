@prices @rare
Feature: An ERP upgrade changes the shape of its API
  Once in a while IT upgrades the ERP, and an API page answers a field under a new name. The engine
  must notice: a price or stock it cannot read is never pushed to the storefront as zero. The process
  that needs the field reports a data error naming it (and what the ERP answered instead); everything
  that does not need it keeps flowing; once the ERP answers the field again, the next change flows and
  the error is gone.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the lamp" with 15 in stock in the ERP

  Scenario Outline: A renamed field stops only what needs it, names it, and leaves the storefront as it was
    When the office sets the ERP price of "the lamp" to 40.00
    And the engine's next poll has run
    Then the storefront sells "the lamp" at 40.00
    And the storefront shows 15 of "the lamp" available
    When the ERP is upgraded and its item page answers "<field>" as "<new name>"
    And the office sets the ERP price of "the lamp" to 44.00
    And the warehouse books 5 of "the lamp" out in the ERP
    And the engine's next poll has run
    Then the engine reports a data error for "the lamp" saying "without '<field>' (it answered new fields: '<new name>')"
    And the storefront sells "the lamp" at <price>
    And the storefront shows <available> of "the lamp" available
    And the storefront lists "the lamp" as active

    Examples:
      | field     | new name              | price | available |
      | unitPrice | unitPriceExcludingTax | 40.00 | 10        |
      | inventory | quantityOnHand        | 44.00 | 15        |

  Scenario: Stock the engine cannot read does not make an item look sold out
    When the engine's next poll has run
    Then the storefront shows 15 of "the lamp" available
    When a stock count finds 0 of "the lamp" in the ERP
    And the ERP is upgraded and its item page answers "inventory" as "quantityOnHand"
    And the engine's next poll has run
    Then the storefront shows 15 of "the lamp" available
    And the storefront does not flag "the lamp" as back soon
    And the storefront lists "the lamp" as active
    And the engine reports a data error for "the lamp" saying "API drift"

  Scenario: A new web item keyed after the upgrade is not listed at a price of zero
    Given the office keys a new web item "NEW-0401" in the ERP:
      | field       | value       |
      | description | Walnut Tray |
      | brand       | Northwind   |
      | price       | 34.00       |
      | category    | KITCHEN     |
    When the ERP is upgraded and its item page answers "unitPrice" as "salesPrice"
    And the engine's next poll has run
    Then the storefront does not list "NEW-0401"
    And the engine reports a data error for "NEW-0401" saying "'unitPrice'"

  Scenario: Web orders keep reaching the ERP while its item page answers the new shape
    Given a web item known as "the mug"
    When the ERP is upgraded and its item page answers "unitPrice" as "salesPrice"
    And a shopper "upgrade@example.com" orders 2 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    And the ERP sales order has a line of 2 "the mug" at the storefront price

  Scenario: Rolled back, the ERP answers the field again: the next change flows and the drift report is gone
    When the ERP is upgraded and its item page answers "unitPrice" as "salesPrice"
    And the office sets the ERP price of "the lamp" to 41.00
    And the engine's next poll has run
    Then the engine reports a data error for "the lamp" saying "'unitPrice'"
    When the ERP upgrade is rolled back
    And the office sets the ERP price of "the lamp" to 42.00
    And the engine's next poll has run
    Then the storefront sells "the lamp" at 42.00
    And the engine reports no data error for "the lamp"

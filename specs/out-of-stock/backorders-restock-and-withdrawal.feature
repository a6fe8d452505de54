@out-of-stock
Feature: Backorders, restocks and withdrawn items, in more depth
  The ERP decides whether a sold-out item may be pre-ordered, when it is expected back, and whether it
  is still sold at all. The storefront follows every change the office makes, in either direction; a
  withdrawn item stays as the shopper last saw it, and the office's legacy codes are read as the mapping
  says, with what the mapping cannot read reported until the office fixes it.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: When the office stops backorders on a sold-out item, pre-orders stop
    Given a web item known as "the chair" with 3 in stock in the ERP
    When the office allows backorders for "the chair" in the ERP
    And a stock count finds 0 of "the chair" in the ERP
    And the engine's next poll has run
    Then the storefront keeps selling "the chair" when it is out of stock
    When the office stops backorders for "the chair" in the ERP
    And the engine's next poll has run
    Then the storefront stops selling "the chair" when it is out of stock
    And the storefront does not flag "the chair" as pre-order
    And the storefront flags "the chair" as back soon

  Scenario: An item in stock that allows backorders is not flagged as a pre-order
    Given a web item known as "the chair" with 3 in stock in the ERP
    When the office allows backorders for "the chair" in the ERP
    And the engine's next poll has run
    Then the storefront does not flag "the chair" as pre-order
    And the storefront does not flag "the chair" as back soon
    And the storefront shows 3 of "the chair" available

  Scenario: A restocked pre-order item is no longer a pre-order
    Given a web item known as "the chair" with 0 in stock in the ERP
    When the office allows backorders for "the chair" in the ERP
    And the engine's next poll has run
    Then the storefront flags "the chair" as pre-order
    When the warehouse receives 4 of "the chair" in the ERP
    And the engine's next poll has run
    Then the storefront does not flag "the chair" as pre-order
    And the storefront does not flag "the chair" as back soon
    And the storefront shows 4 of "the chair" available

  Scenario: The office moves the expected restock date: the storefront shows the new one
    Given a web item known as "the kettle" with 0 in stock in the ERP
    When the office expects "the kettle" back in stock on 2026-11-20 in the ERP
    And the engine's next poll has run
    Then the storefront says "the kettle" is back in stock on 2026-11-20
    When the office expects "the kettle" back in stock on 2026-12-04 in the ERP
    And the engine's next poll has run
    Then the storefront says "the kettle" is back in stock on 2026-12-04

  Scenario: An item booked out below zero in the ERP shows none available, back soon
    Given a web item known as "the lamp" with 2 in stock in the ERP
    When the warehouse books 5 of "the lamp" out in the ERP
    And the engine's next poll has run
    Then the storefront shows 0 of "the lamp" available
    And the storefront flags "the lamp" as back soon
    And the storefront stops selling "the lamp" when it is out of stock

  Scenario: A sold-out item taken off the web is archived and no longer flagged back soon
    Given a web item known as "the lamp" with 0 in stock in the ERP
    When the engine's next poll has run
    Then the storefront flags "the lamp" as back soon
    When the office takes "the lamp" off the web in the ERP
    And the engine's next poll has run
    Then the storefront lists "the lamp" as archived
    And the storefront does not flag "the lamp" as back soon

  Scenario: Stock received for an item taken off the web is not pushed to the storefront
    Given a web item known as "the vase" with 9 in stock in the ERP
    When the engine's next poll has run
    Then the storefront shows 9 of "the vase" available
    When the office takes "the vase" off the web in the ERP
    And the engine's next poll has run
    And the warehouse receives 5 of "the vase" in the ERP
    And the engine's next poll has run
    Then the storefront lists "the vase" as archived
    And the storefront shows 9 of "the vase" available

  @shopper-view
  Scenario: Shoppers cannot buy a discontinued item, even with stock left
    Given a web item known as "the vase" with 9 in stock in the ERP
    When the office codes "the vase" as "DISCONT" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront lists "the vase" as archived
    And a shopper looking at "the vase" sees "No longer available"
    And a shopper cannot add "the vase" to the cart

  @legacy-data
  Scenario Outline: An active code in the office's shorthand keeps the item on sale ("<code>")
    Given a web item known as "the bag"
    When the office codes "the bag" as "<code>" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront lists "the bag" as active
    And the engine reports no data error for "the bag"

    Examples:
      | code   |
      | ACT    |
      | active |

  @legacy-data @fault
  Scenario: The office corrects an unknown life-cycle code: the data error goes and the item follows the code
    Given a web item known as "the bag"
    When the office codes "the bag" as "XX9" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the engine reports a data error for "the bag" saying "'XX9'"
    When the office codes "the bag" as "DISC" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront lists "the bag" as archived
    And the engine reports no data error for "the bag"

  @fault
  Scenario: The ERP is down when the warehouse restocks; the item is back once the ERP answers
    Given a web item known as "the lamp" with 0 in stock in the ERP
    When the engine's next poll has run
    And the warehouse receives 7 of "the lamp" in the ERP
    And the ERP answers every call with 503
    And the engine's next poll has run
    Then the storefront flags "the lamp" as back soon
    When the ERP answers normally again
    And the engine's next poll has run
    Then the storefront shows 7 of "the lamp" available
    And the storefront does not flag "the lamp" as back soon

@out-of-stock
Feature: Out of stock, for now or for good, and back again
  An item that sells out for now stays listed: shoppers see it is back soon, and where the
  ERP allows backorders the storefront keeps taking orders (a pre-order). An item that is
  gone for good — blocked, discontinued or taken off the web in the ERP — is archived on
  the storefront and the engine pushes nothing more for it, until the office brings it back.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: An item that sells out stays listed, back soon, and stops selling
    Given a web item known as "the lamp" with 6 in stock in the ERP
    When the warehouse books 6 of "the lamp" out in the ERP
    And the engine's next poll has run
    Then the storefront lists "the lamp" as active
    And the storefront shows 0 of "the lamp" available
    And the storefront flags "the lamp" as back soon
    And the storefront stops selling "the lamp" when it is out of stock

  Scenario: The restock date the office expects is shown with a sold-out item
    Given a web item known as "the kettle" with 4 in stock in the ERP
    When the office expects "the kettle" back in stock on 2026-11-20 in the ERP
    And a stock count finds 0 of "the kettle" in the ERP
    And the engine's next poll has run
    Then the storefront says "the kettle" is back in stock on 2026-11-20

  Scenario: Where the ERP allows backorders, a sold-out item can be pre-ordered
    Given a web item known as "the chair" with 3 in stock in the ERP
    When the office allows backorders for "the chair" in the ERP
    And a stock count finds 0 of "the chair" in the ERP
    And the engine's next poll has run
    Then the storefront keeps selling "the chair" when it is out of stock
    And the storefront flags "the chair" as pre-order
    And the storefront flags "the chair" as back soon

  Scenario: Restocked, the item is no longer back soon
    Given a web item known as "the lamp" with 0 in stock in the ERP
    When the engine's next poll has run
    Then the storefront flags "the lamp" as back soon
    When the warehouse receives 12 of "the lamp" in the ERP
    And the engine's next poll has run
    Then the storefront shows 12 of "the lamp" available
    And the storefront does not flag "the lamp" as back soon

  Scenario: Blocked in the ERP, archived on the storefront
    Given a web item known as "the bag"
    When the office blocks "the bag" in the ERP
    And the engine's next poll has run
    Then the storefront lists "the bag" as archived
    And the engine reports no data error for "the bag"

  Scenario: Taken off the web in the ERP, archived on the storefront, and back when put on again
    Given a web item known as "the bag"
    When the office takes "the bag" off the web in the ERP
    And the engine's next poll has run
    Then the storefront lists "the bag" as archived
    When the office puts "the bag" on the web in the ERP
    And the engine's next poll has run
    Then the storefront lists "the bag" as active

  @legacy-data
  Scenario Outline: The office's shorthand for discontinued archives the item
    Given a web item known as "the bag"
    When the office codes "the bag" as "<code>" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront lists "the bag" as archived

    Examples:
      | code         |
      | DISC         |
      | discont      |
      | DC           |
      | disc         |

  Scenario: Nothing more is pushed for an archived item
    Given a web item known as "the vase"
    When the office sets the ERP price of "the vase" to 20.00
    And the engine's next poll has run
    And the office blocks "the vase" in the ERP
    And the engine's next poll has run
    And the office sets the ERP price of "the vase" to 35.00
    And the engine's next poll has run
    Then the storefront lists "the vase" as archived
    And the storefront sells "the vase" at 20.00

  Scenario: Unblocked, the item is back with today's price and stock
    Given a web item known as "the vase" with 9 in stock in the ERP
    When the office blocks "the vase" in the ERP
    And the engine's next poll has run
    And the office sets the ERP price of "the vase" to 35.00
    And the office unblocks "the vase" in the ERP
    And the warehouse receives 5 of "the vase" in the ERP
    And the engine's next poll has run
    Then the storefront lists "the vase" as active
    And the storefront sells "the vase" at 35.00
    And the storefront shows 14 of "the vase" available

  Scenario: A discontinued item that the office brings back is sold again
    Given a web item known as "the bag"
    When the office codes "the bag" as "DISC" in the ERP's life-cycle field
    And the engine's next poll has run
    And the office codes "the bag" as "" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront lists "the bag" as active

  @legacy-data @fault
  Scenario: A life-cycle code the mapping does not know is a data error and blocks nothing else
    Given a web item known as "the bag"
    And a web item known as "the mug"
    When the office codes "the bag" as "XX9" in the ERP's life-cycle field
    And the office sets the ERP price of "the mug" to 31.00
    And the engine's next poll has run
    Then the engine reports a data error for "the bag" saying "the ERP life-cycle code 'XX9' is not in the mapping's code table"
    And the storefront lists "the bag" as active
    And the storefront sells "the mug" at 31.00

  @fault
  Scenario: The ERP's web item page fails; the archive is applied once it answers again
    Given a web item known as "the bag"
    And the ERP's web item page is down
    When the office blocks "the bag" in the ERP
    And the engine's next poll has run
    Then the storefront lists "the bag" as active
    When the ERP's web item page is back
    And the engine's next poll has run
    Then the storefront lists "the bag" as archived

  @shopper-view
  Scenario: Shoppers see a sold-out item as back soon and cannot buy it
    Given a web item known as "the lamp" with 2 in stock in the ERP
    When a stock count finds 0 of "the lamp" in the ERP
    And the engine's next poll has run
    Then a shopper looking at "the lamp" sees "Out of stock – back soon"
    And a shopper cannot add "the lamp" to the cart

  @shopper-view
  Scenario: Shoppers see an archived item as no longer available
    Given a web item known as "the bag"
    When the office codes "the bag" as "DISC" in the ERP's life-cycle field
    And the engine's next poll has run
    Then a shopper looking at "the bag" sees "No longer available"
    And a shopper cannot add "the bag" to the cart

@fulfilment
Feature: The warehouse ships what it has; the shopper and the ERP follow parcel by parcel
  A warehouse ships what is on its shelves: an order of three items leaves as two parcels days apart
  when one is backordered, or a line's units leave in two parcels. Each parcel fulfils on the
  storefront exactly the units it carries, with its own carrier and tracking number, and the order
  stays partially fulfilled until the last parcel has left. The ERP ships and invoices the sales
  order once, when everything has left, as Business Central posts whole orders.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: An order ships in two parcels days apart
    Given the warehouse stocks the web items "gift 1" to "gift 3"
    When a shopper "ada@example.com" orders 1 of each of "gift 1" to "gift 3" on the storefront
    And the engine's next poll has run
    And the warehouse ships a parcel of 1 "gift 1" and 1 "gift 2" by UPS
    And the engine's next poll has run
    Then the web order is partially fulfilled on the storefront
    And the web order's parcel 1 on the storefront carries 1 "gift 1" with its UPS tracking number
    And the web order's parcel 1 on the storefront carries 1 "gift 2" with its UPS tracking number
    And the ERP has 0 invoices for the web order
    And the ERP has 1 sales order for the web order
    When the business clock reaches 2026-11-04 10:00 in America/Chicago
    And the warehouse ships the rest of the web order
    And the engine's next poll has run
    Then the web order is fulfilled on the storefront
    And the web order has 2 fulfilments on the storefront
    And the web order's parcel 2 on the storefront carries 1 "gift 3" with its USPS tracking number
    And the ERP has 1 invoice for the web order
    And the ERP has 0 sales orders for the web order

  Scenario Outline: A line's units leave in two parcels
    Given a web item known as "the candle" that the warehouse stocks
    When a shopper "<shopper>" orders <units> of "the candle" on the storefront
    And the engine's next poll has run
    And the warehouse ships a parcel of <first> "the candle" by <carrier>
    And the engine's next poll has run
    Then the web order is partially fulfilled on the storefront
    And the web order's parcel 1 on the storefront carries <first> "the candle" with its <carrier> tracking number
    And the ERP has 0 invoices for the web order
    When the warehouse ships the rest of the web order
    And the engine's next poll has run
    Then the web order is fulfilled on the storefront
    And the web order's parcel 2 on the storefront carries <rest> "the candle" with its USPS tracking number
    And the ERP has 1 invoice for the web order

    Examples:
      | shopper           | units | first | rest | carrier |
      | two@example.com   | 2     | 1     | 1    | FedEx   |
      | five@example.com  | 5     | 3     | 2    | UPS     |

  Scenario: Seeing each parcel on every poll fulfils it once and invoices the order once
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "joan@example.com" orders 3 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships a parcel of 2 "the mug" by USPS
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the web order has 1 fulfilment on the storefront
    When the warehouse ships the rest of the web order
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the web order has 2 fulfilments on the storefront
    And the ERP has 1 invoice for the web order
    And the engine reports no data error for the web order

  Scenario: The shopper cancels after the first parcel left; the rest never leaves the warehouse
    Given the warehouse stocks the web items "gift 1" to "gift 2"
    When a shopper "lin@example.com" orders 1 of each of "gift 1" to "gift 2" on the storefront
    And the engine's next poll has run
    And the warehouse ships a parcel of 1 "gift 1" by USPS
    And the web order is cancelled on the storefront
    And the engine's next poll has run
    Then the warehouse shipment for the web order is cancelled
    And the engine reports a data error for the web order saying "already shipped"
    And the web order has 0 fulfilments on the storefront

  @webhooks @fault
  Scenario: A parcel's webhook fulfils it at once; a lost one is healed by the next poll
    Given the warehouse stocks the web items "gift 1" to "gift 2"
    And the warehouse's shipment webhooks go to the engine
    When a shopper "kim@example.com" orders 1 of each of "gift 1" to "gift 2" on the storefront
    And the engine's next poll has run
    And the warehouse ships a parcel of 1 "gift 1" by UPS
    And the warehouse has sent its webhook for the parcel, with no poll due
    Then the web order is partially fulfilled on the storefront
    When the warehouse loses every webhook it sends
    And the warehouse ships the rest of the web order
    And the warehouse has sent its webhook for the parcel, with no poll due
    Then the web order has 1 fulfilment on the storefront
    When the engine's next poll has run
    Then the web order is fulfilled on the storefront
    And the ERP has 1 invoice for the web order

@fulfilment
Feature: Cancelled orders stop in the warehouse, and outages lose or double nothing
  A web order cancelled before its label is bought is cancelled in the warehouse; once
  the label is bought the parcel has gone, and the engine says so instead of pretending.
  When a system is down or throttling, the engine waits and carries on: every parcel
  is recorded once.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: An order cancelled before the warehouse ships it is cancelled in the warehouse
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "mary@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the web order is cancelled on the storefront
    And the engine's next poll has run
    Then the warehouse shipment for the web order is cancelled
    And the ERP has 0 sales orders for the web order

  Scenario: An order cancelled after the warehouse shipped it is reported, not undone
    Given a web item known as "the lamp" that the warehouse stocks
    When a shopper "ella@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the web order is cancelled on the storefront
    And the engine's next poll has run
    Then the warehouse shipment for the web order is shipped
    And the engine reports a data error for the web order saying "already shipped"

  Scenario: An order cancelled before the engine saw it never reaches the warehouse
    Given a web item known as "the vase" that the warehouse stocks
    When a shopper "dorothy@example.com" orders 1 of "the vase" on the storefront
    And the web order is cancelled on the storefront
    And the engine's next poll has run
    Then the warehouse has 0 shipments for the web order

  @fault
  Scenario: The warehouse is down when the order comes; it gets the order once when it is back
    Given a web item known as "the mug" that the warehouse stocks
    And the warehouse answers every call with 503
    When a shopper "ruth@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse answers normally again
    And the engine polls 5 more times
    Then the ERP has 1 sales order for the web order
    And the warehouse has 1 shipment for the web order

  @fault
  Scenario: A throttling warehouse is waited for, as Retry-After asks, and the parcel is recorded once
    Given a web item known as "the lamp" that the warehouse stocks
    When a shopper "karen@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the warehouse answers the next 3 calls with 429 and Retry-After 30 seconds
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the web order has 1 fulfilment on the storefront
    And the ERP has 1 invoice for the web order

  @fault
  Scenario: The storefront is down when the parcel ships; nothing is lost and nothing doubled
    Given a web item known as "the candle" that the warehouse stocks
    When a shopper "frances@example.com" orders 1 of "the candle" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the storefront answers every call with 503
    And the engine's next poll has run
    And the storefront answers normally again
    And the engine polls 4 more times
    Then the web order is fulfilled on the storefront with the warehouse's tracking number and carrier "USPS"
    And the ERP has 1 invoice for the web order

  @fault
  Scenario: The warehouse ships the same order twice; the shopper and the ERP see one shipment, the extra parcel is reported
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "lise@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse keys the web order in a second time and ships both parcels
    And the engine's next poll has run
    And the engine polls 2 more times
    Then the web order has 1 fulfilment on the storefront
    And the ERP has 1 invoice for the web order
    And the engine reports a data error for one of the two parcels saying "beyond what the order has left to ship"

  @rare
  Scenario: A product recall withdraws the item from sale and stops its fulfilment at once
    Given a web item known as "the heater" that the warehouse stocks
    When a shopper "nora@example.com" orders 1 of "the heater" on the storefront
    And the engine's next poll has run
    Then the warehouse shipment for the web order is pending
    When the manufacturer recalls "the heater" and the office blocks it in the ERP
    And the engine's next poll has run
    Then the warehouse shipment for the web order is cancelled
    And the engine reports a data error for "the heater" saying "recall of the heater"
    And the storefront lists "the heater" as archived

@fulfilment
Feature: Parcels reach the shopper and the ERP once, whichever system is struggling
  The shopper's tracking does not wait for the ERP, and the ERP's invoice does not wait
  for the storefront; orders of several items are cancelled or refused as one parcel; a
  system that is down or throttling when an order or a parcel comes only delays it.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  @fault
  Scenario: The ERP is down when the parcel ships; the shopper gets tracking at once, the invoice comes once the ERP is back
    Given a web item known as "the lamp" that the warehouse stocks
    When a shopper "wait@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    And the ERP answers every call with 503
    And the warehouse ships the web order
    And the engine's next poll has run
    Then the web order is fulfilled on the storefront with the warehouse's tracking number and carrier "USPS"
    When the ERP answers normally again
    And the engine polls 5 more times
    Then the ERP has 1 invoice for the web order
    And the web order has 1 fulfilment on the storefront

  @fault
  Scenario: The storefront is down when the shopper orders; the order reaches the ERP and the warehouse once it answers
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "late@example.com" orders 1 of "the mug" on the storefront
    And the storefront answers every call with 503
    And the engine's next poll has run
    Then the warehouse has 0 shipments for the web order
    When the storefront answers normally again
    And the engine polls 3 more times
    Then the ERP has 1 sales order for the web order
    And the warehouse has 1 shipment for the web order

  @fault
  Scenario: A throttling warehouse when the order comes gets it once, as Retry-After asks
    Given a web item known as "the candle" that the warehouse stocks
    When a shopper "slow@example.com" orders 2 of "the candle" on the storefront
    And the warehouse answers the next 3 calls with 429 and Retry-After 30 seconds
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the warehouse has 1 shipment for the web order
    And the warehouse shipment for the web order picks 2 of "the candle"

  @fault
  Scenario: The warehouse is down after it bought the label; the parcel is fulfilled and invoiced once when it is back
    Given a web item known as "the vase" that the warehouse stocks
    When a shopper "label@example.com" orders 1 of "the vase" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the warehouse answers every call with 503
    And the engine's next poll has run
    Then the web order has 0 fulfilments on the storefront
    When the warehouse answers normally again
    And the engine polls 4 more times
    Then the web order is fulfilled on the storefront with the warehouse's tracking number and carrier "USPS"
    And the web order has 1 fulfilment on the storefront
    And the ERP has 1 invoice for the web order

  Scenario: An order of several items cancelled before the label is cancelled in the warehouse as a whole
    Given the warehouse stocks the web items "gift 1" to "gift 3"
    When a shopper "whole@example.com" orders 1 of each of "gift 1" to "gift 3" on the storefront
    And the engine's next poll has run
    And the web order is cancelled on the storefront
    And the engine's next poll has run
    Then the warehouse shipment for the web order is cancelled
    And the ERP has 0 sales orders for the web order

  Scenario: An order of several items cancelled after its parcel left is reported and invoiced as shipped
    Given the warehouse stocks the web items "gift 1" to "gift 2"
    When a shopper "gone@example.com" orders 1 of each of "gift 1" to "gift 2" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the web order is cancelled on the storefront
    And the engine's next poll has run
    And the engine polls 2 more times
    Then the warehouse shipment for the web order is shipped
    And the engine reports a data error for the web order saying "already shipped"
    And the ERP has 1 invoice for the web order

  Scenario: A returning shopper's parcel is fulfilled and invoiced like anyone's
    Given a web item known as "the mug" that the warehouse stocks
    And a returning shopper "the regular" the ERP knows as a customer
    When the returning shopper "the regular" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    Then the web order is fulfilled on the storefront with the warehouse's tracking number and carrier "USPS"
    And the ERP has 1 invoice for the web order
    And the engine reports no data error for the web order

  @rare
  Scenario: A recall after the parcel left withdraws the item from sale but leaves the shipped parcel alone
    Given a web item known as "the heater" that the warehouse stocks
    When a shopper "early@example.com" orders 1 of "the heater" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    When the manufacturer recalls "the heater" and the office blocks it in the ERP
    And the engine's next poll has run
    Then the warehouse shipment for the web order is shipped
    And the web order has 1 fulfilment on the storefront
    And the ERP has 1 invoice for the web order
    And the storefront lists "the heater" as archived

  @fault
  Scenario: The warehouse throttles when the order is cancelled; the shipment is still cancelled, once
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "stop@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the web order is cancelled on the storefront
    And the warehouse answers the next 3 calls with 429 and Retry-After 30 seconds
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the warehouse shipment for the web order is cancelled
    And the ERP has 0 sales orders for the web order

  @fault
  Scenario: The storefront is down when the order is cancelled; the warehouse stops the parcel once it answers
    Given a web item known as "the lamp" that the warehouse stocks
    When a shopper "undo@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    And the web order is cancelled on the storefront
    And the storefront answers every call with 503
    And the engine's next poll has run
    Then the warehouse shipment for the web order is pending
    When the storefront answers normally again
    And the engine polls 3 more times
    Then the warehouse shipment for the web order is cancelled
    And the ERP has 0 sales orders for the web order
